package io.streamgate.media.delivery.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The media server's deliberately vague error answers, as the specification words them. */
final class MediaResponses {

  private MediaResponses() {}

  static void error(HttpServletResponse res, int status) throws IOException {
    String message =
        switch (status) {
          case 400 -> "Bad request";
          case 401 -> "Authorization required";
          case 403 -> "Access denied";
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          case 500 -> "Server error";
          case 502 -> "Stream source unavailable";
          default -> "Request refused";
        };
    if (res.isCommitted()) {
      return;
    }
    res.resetBuffer();
    res.setStatus(status);
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("application/json");
    byte[] body = ("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}

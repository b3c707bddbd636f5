package io.streamgate.media.delivery.boundary;

import io.streamgate.common.errors.ErrorCodes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The media server's deliberately vague error answers, as the specification words them. */
final class MediaResponses {

  /**
   * A busy answer frees up within a segment's download time, a second or two; players retry 5xx
   * answers on their own schedule (hls.js: after 1 s, then longer).
   */
  static final String RETRY_AFTER_SECONDS = "1";

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
          case 503 -> "Server busy";
          default -> "Request refused";
        };
    if (res.isCommitted()) {
      return;
    }
    res.resetBuffer();
    res.setStatus(status);
    if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
      res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
    res.setHeader("Cache-Control", "no-store");
    res.setContentType("application/json");
    byte[] body = ErrorCodes.body(status, message).getBytes(StandardCharsets.UTF_8);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }
}

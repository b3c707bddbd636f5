package io.streamgate.platform.web.boundary;

import io.streamgate.common.errors.ErrorCodes;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code {"error": message, "code": code}} written straight to a servlet response, for answers
 * given before or outside JAX-RS (filters, the container's error dispatch).
 */
final class JsonErrors {

  private JsonErrors() {}

  static void write(HttpServletResponse response, int status, String message) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("application/json");
    byte[] body = ErrorCodes.body(status, message).getBytes(StandardCharsets.UTF_8);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The short message an error status gets: never the container's or an exception's text. */
  static String message(int status) {
    return switch (status) {
      case 400 -> "Bad request.";
      case 401 -> "Authorization required.";
      case 403 -> "Access denied.";
      case 404 -> "Not found.";
      case 405 -> "Method not allowed.";
      case 406 -> "Not acceptable.";
      case 408 -> "Request timeout.";
      case 411 -> "Length required.";
      case 413 -> "Request too large.";
      case 414 -> "URI too long.";
      case 415 -> "Unsupported media type.";
      case 429 -> "Too many requests.";
      case 503 -> RequestRefusedException.UNAVAILABLE;
      default -> status >= 500 ? "Server error." : "Request refused.";
    };
  }
}

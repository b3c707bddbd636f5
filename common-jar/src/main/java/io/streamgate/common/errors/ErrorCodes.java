package io.streamgate.common.errors;

/**
 * The stable {@code code} of a JSON error answer ({@code {"error": ..., "code": ...}}), for clients
 * to translate or branch on while {@code error} keeps the specification's English. Refusals with a
 * meaning of their own (a revoked code, a session taken over) carry their own code; every other
 * answer gets the one of its status, here.
 */
public final class ErrorCodes {

  private ErrorCodes() {}

  /**
   * The JSON body of an error answer that says no more than its status: {@code {"error": message,
   * "code": the status's code}}, for answers written outside JAX-RS.
   */
  public static String body(int status, String message) {
    return "{\"error\":\"" + escape(message) + "\",\"code\":\"" + forStatus(status) + "\"}";
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The code of an error answer that says no more than its status. */
  public static String forStatus(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 408 -> "request-timeout";
      case 409 -> "conflict";
      case 410 -> "gone";
      case 411 -> "length-required";
      case 413 -> "too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 429 -> "too-many-requests";
      case 502 -> "upstream-unavailable";
      case 503 -> "unavailable";
      default -> status >= 500 ? "server-error" : "refused";
    };
  }
}

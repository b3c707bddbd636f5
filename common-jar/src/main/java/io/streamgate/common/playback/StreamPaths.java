package io.streamgate.common.playback;

import io.streamgate.common.Spec;

/** The stream-path convention {@code /streams/<eventId>/<file>} and the checks on it. */
public final class StreamPaths {

  private StreamPaths() {}

  /** The prefix a playback token for the event opens: {@code /streams/<eventId>/}. */
  public static String prefix(String eventId) {
    if (!isSafeSegment(eventId)) {
      throw new IllegalArgumentException("not a usable event id");
    }
    return Spec.STREAMS_CONTEXT + "/" + eventId + "/";
  }

  /**
   * Whether a request path (already URL-decoded, as the servlet container gives it) lies under the
   * allowed prefix. Paths with dot segments, empty segments or backslashes are refused outright, so
   * {@code /streams/a/../b/x.ts} cannot escape the prefix it starts with.
   */
  public static boolean isAllowed(String requestPath, String allowedPrefix) {
    if (requestPath == null || allowedPrefix == null || !allowedPrefix.endsWith("/")) {
      return false;
    }
    if (!requestPath.startsWith(allowedPrefix) || requestPath.length() == allowedPrefix.length()) {
      return false;
    }
    for (String segment : requestPath.substring(1).split("/", -1)) {
      if (!isSafeSegment(segment)) {
        return false;
      }
    }
    return true;
  }

  /** A path segment that is not empty, not a dot segment and has no separator or control char. */
  static boolean isSafeSegment(String segment) {
    if (segment == null || segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
      return false;
    }
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
        return false;
      }
    }
    return true;
  }
}

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

  /** Longest file or folder name in an event's stream folder. */
  public static final int MAX_NAME_LENGTH = 128;

  /**
   * A name StreamGate serves from an event's folder: letters, digits, {@code - _ .}, not starting
   * with a dot (so never {@code .} or {@code ..}), at most {@link #MAX_NAME_LENGTH} characters.
   */
  public static boolean isPlainName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.charAt(0) == '.') {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      if (!plain) {
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

package io.streamgate.media.streams.entity;

import io.streamgate.common.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request for one HLS file of one event, taken from the raw request path: decoded exactly once,
 * and refused unless every segment is a plain name. What is checked is what is served.
 *
 * @param eventId the first segment
 * @param file the path of the file inside the event's folder, e.g. {@code 720p/seg_001.ts}
 */
public record StreamRequest(String eventId, String file, FileType type) {

  /** Longest raw path accepted, and most segments: HLS layouts are shallow. */
  static final int MAX_RAW_LENGTH = 1024;

  static final int MAX_SEGMENTS = 8;
  static final int MAX_SEGMENT_LENGTH = 128;

  /** The full path as a token's {@code sp} names it: {@code /streams/<event>/<file>}. */
  public String streamPath() {
    return Spec.STREAMS_CONTEXT + "/" + eventId + "/" + file;
  }

  /** Path of the file inside a folder of event folders (local root, cache). */
  public String relativePath() {
    return eventId + "/" + file;
  }

  /**
   * Parses the part of the raw (still percent-encoded) request URI after the context path, e.g.
   * {@code /demo/720p/index.m3u8}. Empty for anything that is not a plain path to a served file:
   * bad or double encoding, encoded separators, dot segments, empty segments, backslashes, control
   * characters, over-long names, unknown extensions.
   */
  public static Optional<StreamRequest> parse(String rawPath) {
    if (rawPath == null || rawPath.length() > MAX_RAW_LENGTH || !rawPath.startsWith("/")) {
      return Optional.empty();
    }
    String[] raw = rawPath.substring(1).split("/", -1);
    if (raw.length < 2 || raw.length > MAX_SEGMENTS) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>(raw.length);
    for (String segment : raw) {
      String decoded = decode(segment);
      if (decoded == null || !isPlainName(decoded)) {
        return Optional.empty();
      }
      segments.add(decoded);
    }
    String file = String.join("/", segments.subList(1, segments.size()));
    return FileType.of(segments.get(segments.size() - 1))
        .map(type -> new StreamRequest(segments.get(0), file, type));
  }

  /** Letters, digits, '-', '_' and '.', not starting with '.' (so never "." or ".."). */
  public static boolean isPlainName(String name) {
    if (name.isEmpty() || name.length() > MAX_SEGMENT_LENGTH || name.charAt(0) == '.') {
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

  /** Percent-decodes once; null for a malformed escape. Decoded bytes must be plain ASCII. */
  private static String decode(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    StringBuilder out = new StringBuilder(segment.length());
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i + 2 >= segment.length()) {
        return null;
      }
      int high = Character.digit(segment.charAt(i + 1), 16);
      int low = Character.digit(segment.charAt(i + 2), 16);
      if (high < 0 || low < 0) {
        return null;
      }
      out.append((char) (high * 16 + low));
      i += 2;
    }
    return out.toString();
  }
}

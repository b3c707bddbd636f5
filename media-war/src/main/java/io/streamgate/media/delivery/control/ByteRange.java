package io.streamgate.media.delivery.control;

/**
 * One byte range of a file of known length, from a {@code Range: bytes=...} header. Only single
 * ranges are honoured; a multi-range or malformed header means "the whole file" as RFC 9110 allows.
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
public record ByteRange(long first, long last) {

  /** Marker for a range that lies outside the file: answered with 416. */
  public static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

  /** The whole file: no usable range header. */
  public static final ByteRange WHOLE = new ByteRange(0, -1);

  public long length() {
    return last - first + 1;
  }

  public static ByteRange parse(String header, long fileLength) {
    if (header == null || !header.startsWith("bytes=") || header.indexOf(',') >= 0) {
      return WHOLE;
    }
    String spec = header.substring(6).strip();
    int dash = spec.indexOf('-');
    if (dash < 0 || spec.length() > 40) {
      return WHOLE;
    }
    try {
      String from = spec.substring(0, dash).strip();
      String to = spec.substring(dash + 1).strip();
      if (from.isEmpty()) {
        long suffix = Long.parseLong(to);
        if (suffix <= 0 || fileLength == 0) {
          return UNSATISFIABLE;
        }
        return new ByteRange(Math.max(0, fileLength - suffix), fileLength - 1);
      }
      long first = Long.parseLong(from);
      long last = to.isEmpty() ? fileLength - 1 : Math.min(Long.parseLong(to), fileLength - 1);
      if (first < 0 || first >= fileLength || last < first) {
        return first >= 0 && (to.isEmpty() || Long.parseLong(to) >= first) ? UNSATISFIABLE : WHOLE;
      }
      return new ByteRange(first, last);
    } catch (NumberFormatException e) {
      return WHOLE;
    }
  }
}

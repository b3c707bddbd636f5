package io.streamgate.platform.persistence.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a table's rows in key order, each value in its canonical text ({@link
 * CanonicalValues}). Every value is written with its length and every null as a mark of its own, so
 * no two different rows (say "a","bc" and "ab","c", or null and "") write the same bytes.
 */
final class TableChecksum {

  private final MessageDigest digest;
  private long rows;

  TableChecksum() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Adds one row's values as {@link CanonicalValues#read} returned them. */
  void add(Object... values) {
    StringBuilder row = new StringBuilder();
    for (Object value : values) {
      String text = CanonicalValues.text(value);
      if (text == null) {
        row.append("N;");
      } else {
        row.append('V').append(text.length()).append(':').append(text).append(';');
      }
    }
    digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    rows++;
  }

  long rows() {
    return rows;
  }

  /** The checksum in hex; ends the checksum. */
  String hex() {
    return HexFormat.of().formatHex(digest.digest());
  }
}

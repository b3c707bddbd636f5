package io.streamgate.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What `/health/ready` shows of a data grid's name: DEPLOYMENT.md's "sha256:" + 12 hex digits. */
final class GridFingerprint {

  private GridFingerprint() {}

  static String of(String clusterName) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(clusterName.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

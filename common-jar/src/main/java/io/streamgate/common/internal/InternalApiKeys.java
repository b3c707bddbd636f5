package io.streamgate.common.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the {@code X-Internal-Api-Key} that media servers and the platform show each other. The
 * comparison takes the same time whatever the presented key is: both sides are hashed first, so
 * neither the position of the first wrong character nor the key's length shows in the timing.
 */
public final class InternalApiKeys {

  /** The request header that carries the key. */
  public static final String HEADER = "X-Internal-Api-Key";

  /** Shortest key the servers accept; a shorter configured key disables the internal API. */
  public static final int MIN_LENGTH = 16;

  /** True when a usable key is configured and the presented one equals it. */
  public static boolean matches(String configured, String presented) {
    if (configured == null || configured.length() < MIN_LENGTH || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(sha256(configured), sha256(presented));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private InternalApiKeys() {}
}

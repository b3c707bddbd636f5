package io.streamgate.common.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

  /** Fewest different characters a usable key has: {@code aaaaaaaaaaaaaaaa} is no secret. */
  static final int MIN_DISTINCT = 8;

  /** Words of the placeholders that example files and guides show instead of a key. */
  private static final List<String> PLACEHOLDER_WORDS =
      List.of("replace", "change", "example", "placeholder", "your-", "secret", "xxxx");

  /** True when a usable key is configured and the presented one equals it. */
  public static boolean matches(String configured, String presented) {
    if (presented == null || problem(configured).isPresent()) { // most requests carry no key
      return false;
    }
    return MessageDigest.isEqual(sha256(configured), sha256(presented));
  }

  /**
   * Why a configured key cannot be used, if it cannot: missing, shorter than {@value #MIN_LENGTH}
   * characters, too few different characters, or a placeholder copied from an example file (such as
   * {@code docker/.env.example}'s), which anyone who read the example knows.
   */
  public static Optional<String> problem(String configured) {
    if (configured == null || configured.isBlank()) {
      return Optional.of("INTERNAL_API_KEY is not set");
    }
    if (configured.length() < MIN_LENGTH) {
      return Optional.of("INTERNAL_API_KEY must be at least " + MIN_LENGTH + " characters long");
    }
    String lower = configured.toLowerCase(Locale.ROOT);
    if (configured.chars().distinct().count() < MIN_DISTINCT
        || PLACEHOLDER_WORDS.stream().anyMatch(lower::contains)) {
      return Optional.of(
          "INTERNAL_API_KEY looks like a placeholder; set it to 16 or more random characters");
    }
    return Optional.empty();
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

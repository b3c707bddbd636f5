package io.streamgate.common.codes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Generates, normalises and formats the 12-character access codes printed on tickets.
 *
 * <p>The alphabet drops the characters people confuse when they read a ticket aloud or type it: 0/O
 * and 1/I/L. That leaves 31 symbols (digits 2-9 and 23 upper-case letters), so a code carries 12
 * &middot; log2(31) &asymp; 59.4 bits of entropy: with a million issued codes, a guess hits one
 * with probability about 1.3 &middot; 10<sup>-12</sup>, and guessing is throttled by the redeem
 * rate limit on top. Each character is drawn with {@link RandomGenerator#nextInt(int)}, which
 * rejects out-of-range draws instead of reducing modulo the alphabet size, so every symbol is
 * equally likely.
 */
public final class AccessCodeCodec {

  /** The symbols a code is made of, in no meaningful order. */
  public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  /** Characters in a code. */
  public static final int LENGTH = 12;

  /** Characters per group when a code is shown to a person. */
  public static final int GROUP = 4;

  /**
   * Longest input worth normalising: a code with a separator between every character and some
   * padding. Anything longer is rejected before any work is done.
   */
  public static final int MAX_INPUT_LENGTH = 64;

  private static final boolean[] IN_ALPHABET = new boolean[128];

  static {
    for (char c : ALPHABET.toCharArray()) {
      IN_ALPHABET[c] = true;
    }
  }

  private final RandomGenerator random;

  /** A codec that draws codes from a {@link SecureRandom}. */
  public AccessCodeCodec() {
    this(new SecureRandom());
  }

  /** A codec that draws from the given generator; production code passes a CSPRNG. */
  public AccessCodeCodec(RandomGenerator random) {
    this.random = random;
  }

  /** A fresh random code in canonical form (12 upper-case alphabet characters, no separators). */
  public String generate() {
    return generate(LENGTH);
  }

  /**
   * Random characters of the alphabet, for other one-time codes a person types (enrollment and
   * recovery codes): easy to read aloud, no look-alike characters.
   */
  public String generate(int length) {
    char[] code = new char[length];
    for (int i = 0; i < length; i++) {
      code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }

  /**
   * The canonical form of what a person typed: surrounding white space trimmed, spaces and dashes
   * dropped, upper-cased. Empty when the input cannot be a code (too long, wrong length, or a
   * character outside the alphabet), so callers can answer without touching the database.
   */
  public static Optional<String> normalise(String typed) {
    return normalise(typed, LENGTH);
  }

  /**
   * As {@link #normalise(String)}, for the other one-time codes of the alphabet that people type
   * ({@link #generate(int)}), of that length.
   */
  public static Optional<String> normalise(String typed, int length) {
    if (typed == null || typed.length() > MAX_INPUT_LENGTH) {
      return Optional.empty();
    }
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == ' ' || c == '-' || Character.isWhitespace(c)) {
        continue;
      }
      char upper = Character.toUpperCase(c);
      if (upper >= IN_ALPHABET.length || !IN_ALPHABET[upper] || code.length() == length) {
        return Optional.empty();
      }
      code.append(upper);
    }
    return code.length() == length ? Optional.of(code.toString()) : Optional.empty();
  }

  /** Whether the value is a code in canonical form. */
  public static boolean isCanonical(String code) {
    return code != null && normalise(code).filter(code::equals).isPresent();
  }

  /**
   * The code as printed on a ticket: groups of four joined by dashes, e.g. {@code ABCD-EFGH-JKMN}.
   */
  public static String display(String code) {
    String canonical =
        normalise(code).orElseThrow(() -> new IllegalArgumentException("not an access code"));
    StringBuilder shown = new StringBuilder(LENGTH + LENGTH / GROUP);
    for (int i = 0; i < LENGTH; i += GROUP) {
      if (i > 0) {
        shown.append('-');
      }
      shown.append(canonical, i, i + GROUP);
    }
    return shown.toString();
  }

  /**
   * A short, stable, non-reversible name for a code, for audit entries and logs, which never hold
   * raw codes: {@code code#} and the first 6 bytes of its SHA-256 in hex.
   */
  public static String fingerprint(String code) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
      return "code#" + HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** Bits of entropy in one code: {@code LENGTH * log2(ALPHABET.length())}. */
  public static double entropyBits() {
    return LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));
  }
}

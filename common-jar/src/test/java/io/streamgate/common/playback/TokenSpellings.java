package io.streamgate.common.playback;

import java.util.ArrayList;
import java.util.List;

/** Other ways of writing a compact JWT that lenient base64url decoders read as the same token. */
final class TokenSpellings {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private TokenSpellings() {}

  /** Padded, with other unused trailing bits, and in the '+' '/' alphabet (when it has '-' '_'). */
  static List<String> of(String token) {
    String[] parts = token.split("\\.");
    String signature = parts[2];
    List<String> spellings = new ArrayList<>();
    spellings.add(token + "=".repeat((4 - signature.length() % 4) % 4));
    // 256 signature bytes take 342 characters; the last one carries 4 bits nobody reads.
    char last = signature.charAt(signature.length() - 1);
    char sameBits = ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
    spellings.add(
        parts[0]
            + "."
            + parts[1]
            + "."
            + signature.substring(0, signature.length() - 1)
            + sameBits);
    if (token.indexOf('-') >= 0 || token.indexOf('_') >= 0) {
      spellings.add(token.replace('-', '+').replace('_', '/'));
    }
    return spellings;
  }
}

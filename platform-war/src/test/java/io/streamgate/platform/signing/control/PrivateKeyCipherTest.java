package io.streamgate.platform.signing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTest {

  private static final String SECRET = "0123456789abcdefghijABCDEFGHIJ0123456789";
  private static final String JWK = "{\"kty\":\"RSA\",\"d\":\"secret-exponent\",\"kid\":\"k1\"}";

  private final PrivateKeyCipher cipher = new PrivateKeyCipher(SECRET, new SecureRandom());

  @Test
  void aSealedKeyOpensWithTheSameSettingAndShowsNothingOfTheKey() {
    String sealed = cipher.seal("k1", JWK);
    assertTrue(sealed.startsWith("sgk1:"), sealed);
    assertFalse(sealed.contains("secret-exponent"));
    assertFalse(sealed.contains("{"));
    assertEquals(JWK, new PrivateKeyCipher(SECRET, new SecureRandom()).open("k1", sealed));
    assertNotEquals(sealed, cipher.seal("k1", JWK), "a fresh nonce each time");
  }

  @Test
  void anotherSettingDoesNotOpenItAndTheMessageNamesTheSettingOnly() {
    String sealed = cipher.seal("k1", JWK);
    String other = "another-32-character-long-secret-value";
    PrivateKeyCipher.WrongKeyException refused =
        assertThrows(
            PrivateKeyCipher.WrongKeyException.class,
            () -> new PrivateKeyCipher(other, new SecureRandom()).open("k1", sealed));
    assertEquals(
        "SIGNING_KEY_ENCRYPTION_KEY does not decrypt the playback signing key k1 in the database;"
            + " set the key it was encrypted with",
        refused.getMessage());
    assertFalse(refused.getMessage().contains(other));
  }

  @Test
  void aValueMovedToAnotherKeyIdOrAlteredDoesNotOpen() {
    String sealed = cipher.seal("k1", JWK);
    assertThrows(PrivateKeyCipher.WrongKeyException.class, () -> cipher.open("k2", sealed));
    char last = sealed.charAt(sealed.length() - 2);
    String altered =
        sealed.substring(0, sealed.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + sealed.charAt(sealed.length() - 1);
    assertThrows(PrivateKeyCipher.WrongKeyException.class, () -> cipher.open("k1", altered));
    assertThrows(PrivateKeyCipher.WrongKeyException.class, () -> cipher.open("k1", "sgk1:"));
  }

  @Test
  void plainValuesFromBeforeEncryptionAreRecognised() {
    assertFalse(PrivateKeyCipher.sealed(JWK));
    assertEquals(JWK, cipher.open("k1", JWK));
  }

  @Test
  void aShortSettingIsRefusedWithoutEchoingIt() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> new PrivateKeyCipher("too-short-secret", new SecureRandom()));
    assertTrue(refused.getMessage().startsWith("SIGNING_KEY_ENCRYPTION_KEY must be at least 32"));
    assertFalse(refused.getMessage().contains("too-short-secret"));
  }
}

package io.streamgate.platform.admin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;

class PasswordsTest {

  private final Passwords passwords = new Passwords();

  private static String bcrypt(String version, int cost, String password) {
    String hash = BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    return "$" + version + hash.substring(3);
  }

  @Test
  void bcryptHashesAsTheSpecificationsToolingMakesThemAreAcceptedAndVerified() {
    for (String version : new String[] {"2a", "2b", "2y"}) {
      String stored = bcrypt(version, 10, "correct horse battery");
      assertTrue(Passwords.isHash(stored), stored);
      assertTrue(passwords.matches("correct horse battery", stored), version);
      assertFalse(passwords.matches("correct horse batterY", stored), version);
    }
  }

  /** Hashes bcryptjs 2.4.3 made (the specification's tooling), not this library. */
  @Test
  void hashesMadeByBcryptjsVerify() {
    String made = "$2a$10$8dFxiR87SuvN/eiyNukU/uOgY1rE8Gz90bbzo0RATlaw5wBO4aJp2";
    assertTrue(Passwords.isHash(made));
    assertTrue(passwords.matches("correct horse battery", made));
    assertFalse(passwords.matches("correct horse batter", made));
    String seventyTwo = "$2a$10$DRANYY.0r2eYrKeSY5ONVOF5U0yRq31TRbOfTfp2It1r1xGK4L2Qm";
    assertTrue(passwords.matches("p".repeat(72), seventyTwo));
    assertTrue(passwords.matches("p".repeat(72) + "more", seventyTwo), "bcryptjs reads 72 bytes");
    assertFalse(passwords.matches("p".repeat(71), seventyTwo));
  }

  @Test
  void aLongPasswordCountsItsFirst72BytesAsBcryptDoes() {
    String seventyTwo = "p".repeat(72);
    String stored = bcrypt("2b", 10, seventyTwo);
    assertTrue(passwords.matches(seventyTwo + "ignored by bcrypt", stored));
    assertFalse(passwords.matches("p".repeat(71), stored));
  }

  @Test
  void weakOrMalformedHashesAreNotHashes() {
    String cheap = bcrypt("2b", 4, "correct horse battery");
    assertFalse(Passwords.isHash(cheap), "cost 4 is too cheap to keep a console safe");
    assertFalse(Passwords.isHash("$2b$10$tooshort"));
    assertFalse(Passwords.isHash("$2x$10$" + "a".repeat(53)), "not a bcrypt version");
    assertFalse(Passwords.isHash("plain-password"));
    assertTrue(
        Passwords.isHash("PBKDF2WithHmacSHA256:210000:c2FsdA==:aGFzaA=="), "StreamGate's own");
  }
}

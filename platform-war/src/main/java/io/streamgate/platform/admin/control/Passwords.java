package io.streamgate.platform.admin.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Console passwords: at least {@value #MIN_LENGTH} characters, stored as salted PBKDF2-HMAC-SHA256
 * with {@value #ITERATIONS} iterations (OWASP's 2023 figure), verified in constant time. A bcrypt
 * hash ({@code $2a$}, {@code $2b$}, {@code $2y$}, cost {@value #MIN_BCRYPT_COST} or more), as the
 * specification's tooling makes them for {@code ADMIN_PASSWORD_HASH}, is verified too; a password
 * set or changed later is stored as PBKDF2.
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1024;
  static final int ITERATIONS = 210_000;
  static final int MIN_BCRYPT_COST = 10;

  private static final BCrypt.Version BCRYPT_2A = BCrypt.Version.VERSION_2A;

  private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void init() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Iterations",
            Integer.toString(ITERATIONS),
            "Pbkdf2PasswordHash.Algorithm",
            "PBKDF2WithHmacSHA256"));
  }

  /** The stored form of a new password; refuses one that is too short or too long. */
  public String hash(String password) {
    if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
      throw new BadRequestException(
          "Password must have " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.");
    }
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String stored) {
    if (isBcrypt(stored)) {
      // Like the specification's tooling, bcrypt reads the first 72 bytes of a longer password.
      return BCrypt.verifyer(BCRYPT_2A, LongPasswordStrategies.truncate(BCRYPT_2A))
          .verify(
              password.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8))
          .verified;
    }
    return hash.verify(password.toCharArray(), stored);
  }

  /** Whether {@code stored} is a hash this class can verify: its own PBKDF2 form, or bcrypt. */
  public static boolean isHash(String stored) {
    String[] parts = stored.split(":");
    return isBcrypt(stored)
        || parts.length == 4
            && parts[0].startsWith("PBKDF2With")
            && parts[1].chars().allMatch(Character::isDigit);
  }

  private static boolean isBcrypt(String stored) {
    Matcher matcher = BCRYPT.matcher(stored);
    if (!matcher.matches()) {
      return false;
    }
    int cost = Integer.parseInt(matcher.group(1));
    return cost >= MIN_BCRYPT_COST && cost <= 31;
  }
}

package io.streamgate.platform.admin.control;

import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Console passwords: at least {@value #MIN_LENGTH} characters, stored as salted PBKDF2-HMAC-SHA256
 * with {@value #ITERATIONS} iterations (OWASP's 2023 figure), verified in constant time.
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1024;
  static final int ITERATIONS = 210_000;

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
    return hash.verify(password.toCharArray(), stored);
  }

  /** Whether {@code stored} is a hash this class can verify (the format it generates). */
  public static boolean isHash(String stored) {
    String[] parts = stored.split(":");
    return parts.length == 4
        && parts[0].startsWith("PBKDF2With")
        && parts[1].chars().allMatch(Character::isDigit);
  }
}

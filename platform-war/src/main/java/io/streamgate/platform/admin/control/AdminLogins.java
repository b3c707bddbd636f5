package io.streamgate.platform.admin.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.ratelimit.control.RateLimits;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Checks console logins: at most {@link Spec#ADMIN_LOGIN_LIMIT} attempts per client address, the
 * password against its salted PBKDF2 hash, and only active users. An unknown user costs as much
 * time as a wrong password, so response times do not tell which usernames exist.
 */
@ApplicationScoped
public class AdminLogins {

  /** A hash of a random password with the production parameters, verified for unknown users. */
  private static final String DECOY =
      "PBKDF2WithHmacSHA256:210000:c3RyZWFtZ2F0ZS1kZWNveS1zYWx0:"
          + "mKXq2X2m2Yb5o3oQm0q1fH9o4m6QO3m8cQy1Xw3kq1E=";

  static final int MAX_USERNAME = 100;

  @PersistenceContext EntityManager em;

  @Inject Passwords passwords;

  @Inject RateLimits limits;

  @Inject Event<AccountActivity> audit;

  @Inject Clock clock;

  @Inject SecondFactors factors;

  @Inject PlatformSettings settings;

  /**
   * The user, when the password is right and, for a user whose second factor is on, the TOTP code
   * or else the recovery code too. Every attempt counts toward the limit, a wrong code as much as a
   * wrong password.
   */
  @Transactional
  public AdminIdentity login(
      String username, String password, String totp, String recoveryCode, String clientIp) {
    if (username.isEmpty() || username.length() > MAX_USERNAME) {
      throw new BadRequestException("Username must have 1 to " + MAX_USERNAME + " characters.");
    }
    if (password.isEmpty() || password.length() > Passwords.MAX_LENGTH) {
      throw new BadRequestException(
          "Password must have 1 to " + Passwords.MAX_LENGTH + " characters.");
    }
    limits.acquire("admin-login:" + clientIp, Spec.ADMIN_LOGIN_LIMIT);
    AdminUser user =
        em.createNamedQuery(AdminUser.BY_USERNAME, AdminUser.class)
            .setParameter("username", username)
            .getResultStream()
            .findFirst()
            .orElse(null);
    boolean matches = passwords.matches(password, user == null ? DECOY : user.passwordHash());
    if (user == null || !matches || !user.active()) {
      audit.fire(
          new AccountActivity(username, "admin-login-failed", "user:" + username, clientIp, null));
      throw AdminRefusedException.badCredentials();
    }
    if (user.totpEnabled()) {
      // Two logins with one code at once: the second waits here, then finds its step used.
      em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
      boolean none =
          (totp == null || totp.isBlank()) && (recoveryCode == null || recoveryCode.isBlank());
      if (none) {
        throw AdminRefusedException.totpRequired();
      }
      if (!factors.passes(user, totp, recoveryCode)) {
        audit.fire(
            new AccountActivity(
                username, "admin-login-failed", "user:" + username, clientIp, "second factor"));
        throw AdminRefusedException.badCode();
      }
      if (totp == null || totp.isBlank()) {
        audit.fire(
            new AccountActivity(
                username, "recovery-code-used", "user:" + username, clientIp, null));
      }
    }
    Instant now = clock.instant();
    user.loggedIn(now);
    audit.fire(new AccountActivity(username, "admin-login", "user:" + username, clientIp, null));
    return AdminIdentity.of(user, settings.requireTotpForSuperAdmins(), now);
  }
}

package io.streamgate.platform.admin.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.admin.entity.Invitation;
import io.streamgate.platform.ratelimit.control.RateLimits;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.ConflictException;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Invitations instead of shared passwords: a super admin invites a person by username and role and
 * hands them a one-time code (a link), valid {@link #LIFETIME}; the person sets their own password
 * with it. For an existing user it is a password reset: the role stays theirs. Codes are 256 random
 * bits, stored as SHA-256 hashes; using one is a single conditional UPDATE, so it works once. A
 * newer invitation for the same username voids the older ones, as following one does; and one that
 * no longer fits its account (the username taken since, the user's role or password changed since)
 * is refused.
 */
@ApplicationScoped
@Transactional
public class Invitations {

  public static final Duration LIFETIME = Duration.ofHours(24);

  private final SecureRandom random = new SecureRandom();

  @PersistenceContext EntityManager em;

  @Inject AdminAccounts accounts;

  @Inject Passwords passwords;

  @Inject RateLimits limits;

  @Inject Event<AccountActivity> audit;

  @Inject Clock clock;

  /** A new invitation's code, shown once, and what it is for. */
  public record Issued(
      String code, String username, String role, boolean reset, Instant expiresAt) {}

  /** What following an invitation made. */
  public record Accepted(String username, String role) {}

  /** No invitation matches: unknown, used or expired alike. */
  public static class Refused extends RequestRefusedException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super(401, "This invitation is invalid, used or expired. Ask for a new one.");
    }
  }

  public Issued invite(String username, Role role, String actor, String ip) {
    String name = AdminAccounts.checkedUsername(username);
    AdminUser existing =
        em.createNamedQuery(AdminUser.BY_USERNAME, AdminUser.class)
            .setParameter("username", name)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (existing == null && role == null) {
      throw new BadRequestException("Role must be super_admin, admin or operator.");
    }
    if (existing != null && role != null && role != existing.role()) {
      throw new ConflictException(
          "This user exists already: an invitation resets their password; change the role on its"
              + " own.");
    }
    Role granted = existing != null ? existing.role() : role;
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    Instant expires = now.plus(LIFETIME);
    em.createNamedQuery(Invitation.SUPERSEDE).setParameter("username", name).executeUpdate();
    em.persist(new Invitation(Hashes.sha256(code), name, granted, existing, actor, now, expires));
    audit.fire(
        new AccountActivity(
            actor,
            existing == null ? "user-invite" : "user-password-reset-link",
            "user:" + name,
            ip,
            "role=" + granted.label()));
    return new Issued(code, name, granted.label(), existing != null, expires);
  }

  /** Sets the invited person's password: creates the user, or resets an existing one's. */
  public Accepted accept(String code, String password, String ip) {
    limits.acquire("invitation:" + ip, Spec.ADMIN_LOGIN_LIMIT);
    if (code == null || code.length() > 100) {
      throw new Refused();
    }
    String hash = Hashes.sha256(code);
    String passwordHash = passwords.hash(password);
    int won =
        em.createNamedQuery(Invitation.USE)
            .setParameter("hash", hash)
            .setParameter("now", clock.instant())
            .executeUpdate();
    if (won != 1) {
      throw new Refused();
    }
    Invitation invitation = em.find(Invitation.class, hash);
    AdminUser user =
        em.createNamedQuery(AdminUser.BY_USERNAME, AdminUser.class)
            .setParameter("username", invitation.username())
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (!invitation.fits(user)) {
      // A username someone took since, a user deleted since, a new role or password since: it
      // must not set the password of an account it was not made for.
      throw new ConflictException(
          "This invitation no longer fits the account it was made for. Ask for a new one.");
    }
    em.createNamedQuery(Invitation.SUPERSEDE)
        .setParameter("username", invitation.username())
        .executeUpdate();
    if (user == null) {
      user = new AdminUser(invitation.username(), passwordHash, invitation.role(), clock.instant());
      em.persist(user);
    } else {
      user.changePassword(passwordHash);
    }
    audit.fire(
        new AccountActivity(
            invitation.username(),
            "invitation-accept",
            "user:" + invitation.username(),
            ip,
            "invitedBy=" + invitation.createdBy()));
    return new Accepted(user.username(), user.role().label());
  }
}

package io.streamgate.platform.admin.control;

import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.ConflictException;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console users: who is still allowed in, and what super admins change about users. The last active
 * super admin can be neither demoted nor deactivated, and nobody demotes or deactivates themselves,
 * so the console can never lock everyone out.
 */
@ApplicationScoped
@Transactional
public class AdminAccounts {

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

  @PersistenceContext EntityManager em;

  @Inject Passwords passwords;

  @Inject Event<AccountActivity> audit;

  @Inject Clock clock;

  @Inject PlatformSettings settings;

  /**
   * The identity as it is now: the role may have changed since login, and a deactivated or deleted
   * user, or a session opened with a password that has since been changed or reset, is let in no
   * more, nor anyone {@link AdminIdentity#LIFETIME} after their login.
   */
  public Optional<AdminIdentity> current(AdminIdentity loggedIn) {
    if (loggedIn.expiredAt(clock.instant())) {
      return Optional.empty();
    }
    AdminUser user = em.find(AdminUser.class, loggedIn.userId());
    return user == null || !user.active() || !user.credentials().equals(loggedIn.credentials())
        ? Optional.empty()
        : Optional.of(
            AdminIdentity.of(user, settings.requireTotpForSuperAdmins(), loggedIn.loggedInAt()));
  }

  public AdminUser find(String id) {
    AdminUser user = id == null ? null : em.find(AdminUser.class, id);
    if (user == null) {
      throw new NotFound();
    }
    return user;
  }

  public List<AdminUser> all() {
    return em.createNamedQuery(AdminUser.ALL, AdminUser.class).getResultList();
  }

  /** The username, stripped, if it is one the console takes. */
  static String checkedUsername(String username) {
    String name = username == null ? "" : username.strip();
    if (!USERNAME.matcher(name).matches()) {
      throw new BadRequestException(
          "Username must have 1 to 100 letters, digits or the characters . _ @ -.");
    }
    return name;
  }

  public AdminUser create(String username, String password, Role role, String actor, String ip) {
    String name = checkedUsername(username);
    if (role == null) {
      throw new BadRequestException("Role must be super_admin, admin or operator.");
    }
    String hash = passwords.hash(password);
    if (!em.createNamedQuery(AdminUser.BY_USERNAME)
        .setParameter("username", name)
        .getResultList()
        .isEmpty()) {
      throw new ConflictException("A user with this username already exists.");
    }
    AdminUser user = new AdminUser(name, hash, role, clock.instant());
    em.persist(user);
    audit.fire(
        new AccountActivity(actor, "user-create", "user:" + name, ip, "role=" + role.label()));
    return user;
  }

  /** What a super admin changes about a user; null fields stay as they are. */
  public record UserChange(Role role, Boolean active, String password, Long version) {}

  public AdminUser change(String id, UserChange change, AdminIdentity actor, String ip) {
    AdminUser user = id == null ? null : em.find(AdminUser.class, id);
    if (user == null) {
      throw new NotFound();
    }
    if (change.version() != null && change.version() != user.version()) {
      throw ConflictException.staleEdit("user");
    }
    boolean roleChanged = change.role() != null && change.role() != user.role();
    boolean deactivated = Boolean.FALSE.equals(change.active()) && user.active();
    if ((roleChanged || deactivated) && user.id().equals(actor.userId())) {
      throw new ConflictException("You cannot change your own role or deactivate yourself.");
    }
    boolean losesSuperAdmin = deactivated || (roleChanged && change.role() != Role.SUPER_ADMIN);
    if (losesSuperAdmin && user.role() == Role.SUPER_ADMIN && user.active()) {
      long superAdmins =
          em.createNamedQuery(AdminUser.ACTIVE_SUPER_ADMINS, Long.class)
              .setParameter("active", true)
              .getSingleResult();
      if (superAdmins <= 1) {
        throw new ConflictException("The last active super admin must stay one.");
      }
    }
    List<String> changed = new ArrayList<>();
    if (change.password() != null) {
      user.changePassword(passwords.hash(change.password()));
      changed.add("password");
    }
    if (roleChanged) {
      user.changeRole(change.role());
      changed.add("role=" + change.role().label());
    }
    if (change.active() != null && change.active() != user.active()) {
      user.activate(change.active());
      changed.add("active=" + change.active());
    }
    if (!changed.isEmpty()) {
      audit.fire(
          new AccountActivity(
              actor.username(),
              "user-change",
              "user:" + user.username(),
              ip,
              String.join(" ", changed)));
    }
    return user;
  }

  /** No user has this id. */
  public static class NotFound extends RequestRefusedException {
    private static final long serialVersionUID = 1L;

    NotFound() {
      super(404, "User not found");
    }
  }
}

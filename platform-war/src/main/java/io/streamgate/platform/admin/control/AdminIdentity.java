package io.streamgate.platform.admin.control;

import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * Who is logged into the console, as kept in the HTTP session.
 *
 * @param credentials a fingerprint of the password the user logged in with (see {@link
 *     AdminUser#credentials()}): a session is over once the password changes
 * @param secondFactorPending a super admin who must use a second factor and has none yet: they may
 *     only set it up
 * @param loggedInAt when the user logged in: the session ends {@link #LIFETIME} later, however busy
 *     (the specification's 8 hours absolute; the container's idle timeout of the same length only
 *     frees the memory of sessions left alone)
 */
public record AdminIdentity(
    String userId,
    String username,
    Role role,
    String credentials,
    boolean secondFactorPending,
    Instant loggedInAt)
    implements Serializable {

  /** How long a console session lasts from its login, however busy. */
  public static final Duration LIFETIME = Duration.ofHours(8);

  /** The identity of a user as they are now, in a session that began at {@code loggedInAt}. */
  public static AdminIdentity of(
      AdminUser user, boolean totpRequiredForSuperAdmins, Instant loggedInAt) {
    return new AdminIdentity(
        user.id(),
        user.username(),
        user.role(),
        user.credentials(),
        totpRequiredForSuperAdmins && user.role() == Role.SUPER_ADMIN && !user.totpEnabled(),
        loggedInAt);
  }

  /** Whether the session has outlived {@link #LIFETIME} at {@code now}. */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(loggedInAt.plus(LIFETIME));
  }

  /** Whether this user may change events, codes and viewer sessions (operators only look). */
  public boolean mayChange() {
    return role != Role.OPERATOR;
  }

  /** Whether this user may manage users and read the audit log. */
  public boolean isSuperAdmin() {
    return role == Role.SUPER_ADMIN;
  }
}

package io.streamgate.platform.admin.control;

import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import java.io.Serializable;

/**
 * Who is logged into the console, as kept in the HTTP session.
 *
 * @param credentials a fingerprint of the password the user logged in with (see {@link
 *     AdminUser#credentials()}): a session is over once the password changes
 * @param secondFactorPending a super admin who must use a second factor and has none yet: they may
 *     only set it up
 */
public record AdminIdentity(
    String userId, String username, Role role, String credentials, boolean secondFactorPending)
    implements Serializable {

  /** The identity of a user as they are now. */
  public static AdminIdentity of(AdminUser user, boolean totpRequiredForSuperAdmins) {
    return new AdminIdentity(
        user.id(),
        user.username(),
        user.role(),
        user.credentials(),
        totpRequiredForSuperAdmins && user.role() == Role.SUPER_ADMIN && !user.totpEnabled());
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

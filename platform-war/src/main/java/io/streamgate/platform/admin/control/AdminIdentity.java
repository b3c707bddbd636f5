package io.streamgate.platform.admin.control;

import io.streamgate.platform.admin.entity.AdminUser.Role;
import java.io.Serializable;

/** Who is logged into the console, as kept in the HTTP session. */
public record AdminIdentity(String userId, String username, Role role) implements Serializable {

  /** Whether this user may change events, codes and viewer sessions (operators only look). */
  public boolean mayChange() {
    return role != Role.OPERATOR;
  }

  /** Whether this user may manage users and read the audit log. */
  public boolean isSuperAdmin() {
    return role == Role.SUPER_ADMIN;
  }
}

package io.streamgate.platform.admin.control;

import io.streamgate.platform.admin.entity.AdminUser.Role;
import java.io.Serializable;

/** Who is logged into the console, as kept in the HTTP session. */
public record AdminIdentity(String username, Role role) implements Serializable {

  /** Whether this user may change things (operators only look). */
  public boolean mayChange() {
    return role == Role.ADMIN;
  }
}

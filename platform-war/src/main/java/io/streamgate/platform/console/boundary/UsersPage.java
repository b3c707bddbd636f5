package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminAccounts.UserChange;
import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Backs the users page (super admins only): create users, change roles, (de)activate, reset. */
@Named
@ViewScoped
public class UsersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AdminAccounts accounts;

  @Inject Console console;

  private String username;
  private String password;
  private String role = Role.OPERATOR.label();
  private String resetFor;
  private String newPassword;

  /** Refuses the page to anyone but a super admin (f:viewAction). */
  public String check() {
    return console.isSuperAdmin() ? null : "/admin/index.xhtml?faces-redirect=true";
  }

  private final Map<String, String> roleOf = new HashMap<>();

  /**
   * The users, for a super admin only: the view action does not run on a postback, so the list does
   * not rely on it.
   */
  public List<AdminUser> getUsers() {
    if (!console.isSuperAdmin()) {
      return List.of();
    }
    List<AdminUser> users = accounts.all();
    users.forEach(user -> roleOf.put(user.id(), user.role().label()));
    return users;
  }

  /** The role chosen in each user's row, by user id. */
  public Map<String, String> getRoleOf() {
    return roleOf;
  }

  public List<String> getRoles() {
    return java.util.Arrays.stream(Role.values()).map(Role::label).toList();
  }

  public void create() {
    if (Pages.run(
        () ->
            accounts.create(
                username,
                password,
                Role.ofLabel(role).orElse(null),
                console.superAdmin().username(),
                console.ip()))) {
      Pages.info("User " + username.strip() + " created.");
      username = null;
      password = null;
    }
  }

  public void changeRole(AdminUser user) {
    Role chosen = Role.ofLabel(roleOf.getOrDefault(user.id(), "")).orElse(null);
    change(user, new UserChange(chosen, null, null, null), "Role changed.");
  }

  public void setActive(AdminUser user, boolean active) {
    change(
        user,
        new UserChange(null, active, null, null),
        active ? "User activated." : "User deactivated: they are logged out at once.");
  }

  public void askReset(AdminUser user) {
    resetFor = user.id();
    newPassword = null;
  }

  public void reset() {
    if (Pages.run(
        () ->
            accounts.change(
                resetFor,
                new UserChange(null, null, newPassword, null),
                console.superAdmin(),
                console.ip()))) {
      Pages.info("Password reset.");
      newPassword = null;
    }
  }

  private void change(AdminUser user, UserChange change, String done) {
    if (Pages.run(() -> accounts.change(user.id(), change, console.superAdmin(), console.ip()))) {
      Pages.info(done);
    }
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}

package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.admin.boundary.InvitationLinks;
import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminAccounts.UserChange;
import io.streamgate.platform.admin.control.Invitations;
import io.streamgate.platform.admin.control.SecondFactors;
import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the users page (super admins only): invite people (they set their own password), change
 * roles, (de)activate, hand out a password reset link, reset a lost second factor.
 */
@Named
@ViewScoped
public class UsersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AdminAccounts accounts;

  @Inject Console console;

  @Inject Invitations invitations;

  @Inject SecondFactors factors;

  @Inject Clients clients;

  @Inject HttpServletRequest request;

  private String username;
  private String role = Role.OPERATOR.label();
  private String invitationLink;
  private String invitationFor;

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

  /** Invites a person: the link they set their own password with, shown once. */
  public void invite() {
    Invitations.Issued issued =
        Pages.result(
            () ->
                invitations.invite(
                    username,
                    Role.ofLabel(role).orElse(null),
                    console.superAdmin().username(),
                    console.ip()));
    if (issued != null) {
      invitationLink = InvitationLinks.url(request, clients, issued.code());
      invitationFor = issued.username();
      username = null;
    }
  }

  /** A password reset link for an existing user, shown once: nobody types their password. */
  public void resetLink(AdminUser user) {
    Invitations.Issued issued =
        Pages.result(
            () ->
                invitations.invite(
                    user.username(), null, console.superAdmin().username(), console.ip()));
    if (issued != null) {
      invitationLink = InvitationLinks.url(request, clients, issued.code());
      invitationFor = issued.username();
    }
  }

  /** Turns another user's second factor off (a lost phone). */
  public void resetTotp(AdminUser user) {
    if (Pages.run(() -> factors.reset(user.id(), console.superAdmin(), console.ip()))) {
      Pages.info("Second factor of " + user.username() + " reset; they set it up again.");
    }
  }

  public String getInvitationLink() {
    return invitationLink;
  }

  public String getInvitationFor() {
    return invitationFor;
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

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}

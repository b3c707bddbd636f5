package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The logged-in user as pages see them ({@code #{console}}): who they are, what their role lets
 * them do. Page actions check the role here, on the server, whatever the page showed: the role the
 * container gives the caller ({@code isUserInRole}), as the authentication mechanism declared it.
 */
@Named
@RequestScoped
public class Console {

  @Inject HttpServletRequest request;

  @Inject Clients clients;

  @Inject AdminAccounts accounts;

  /**
   * The user of this request's console session, as they are now. The authentication mechanism found
   * them already (the container admits no one else to console pages); without that, the session is
   * asked here, so a page that shows codes never relies on one check alone.
   */
  public AdminIdentity identity() {
    AdminIdentity current = AdminAuthentication.recognised(request).orElse(null);
    if (current == null) {
      current =
          AdminAuthentication.current(request, accounts)
              .orElseThrow(AdminRefusedException::notLoggedIn);
      request.setAttribute(AdminAuthentication.CALLER, current);
    }
    return current;
  }

  public String getUsername() {
    return identity().username();
  }

  public String getRole() {
    return identity().role().label().replace('_', ' ');
  }

  /** Whether the container gives this user the role {@code admin} (operators only look). */
  public boolean isMayChange() {
    return identity() != null && request.isUserInRole(CallerRoles.ADMIN);
  }

  /** Whether the container gives this user the role {@code super-admin}. */
  public boolean isSuperAdmin() {
    return identity() != null && request.isUserInRole(CallerRoles.SUPER_ADMIN);
  }

  /** The acting user's name, once their role is checked to allow changes. */
  public String actorWhoMayChange() {
    if (!isMayChange()) {
      throw AdminRefusedException.notAllowed();
    }
    return getUsername();
  }

  /** The acting super admin. */
  public AdminIdentity superAdmin() {
    if (!isSuperAdmin()) {
      throw AdminRefusedException.notAllowed();
    }
    return identity();
  }

  public String ip() {
    return clients.ip(request);
  }

  public String logout() {
    HttpSession session = AdminAuthentication.consoleSession(request);
    if (session != null) {
      session.invalidate();
    }
    return "/admin/login.xhtml?faces-redirect=true";
  }
}

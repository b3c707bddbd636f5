package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.clients.boundary.Clients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The logged-in user as pages see them ({@code #{console}}): who they are, what their role lets
 * them do. Page actions check the role here, on the server, whatever the page showed.
 */
@Named
@RequestScoped
public class Console {

  @Inject HttpServletRequest request;

  @Inject Clients clients;

  @Inject AdminAccounts accounts;

  /**
   * The user of this request's console session, as they are now. The guard in front of the pages
   * found them already; when it did not run (a page reached by a path it did not expect), the
   * session is asked here, so a page that shows codes never relies on the guard alone.
   */
  public AdminIdentity identity() {
    AdminIdentity current = (AdminIdentity) request.getAttribute(ConsoleGuard.CURRENT);
    if (current == null) {
      current =
          AdminAuthentication.current(request.getSession(false), accounts)
              .orElseThrow(AdminRefusedException::notLoggedIn);
      request.setAttribute(ConsoleGuard.CURRENT, current);
    }
    return current;
  }

  public String getUsername() {
    return identity().username();
  }

  public String getRole() {
    return identity().role().label().replace('_', ' ');
  }

  public boolean isMayChange() {
    return identity().mayChange();
  }

  public boolean isSuperAdmin() {
    return identity().isSuperAdmin();
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
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "/admin/login.xhtml?faces-redirect=true";
  }
}

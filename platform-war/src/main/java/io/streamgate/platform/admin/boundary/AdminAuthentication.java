package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminRefusedException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Admits {@link AdminSession} endpoints for the user logged into this HTTP session, as that user is
 * now (a deactivated user is out at once, a changed role applies at once): 401 without one, 403
 * when an operator tries to change something, when anyone but a super admin reaches a {@link
 * SuperAdminOnly} endpoint, or when a change comes from another site's page.
 */
@Provider
@AdminSession
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

  /** Session attribute holding the {@link AdminIdentity}. */
  public static final String IDENTITY = AdminIdentity.class.getName();

  @Inject AdminAccounts accounts;

  @Context HttpServletRequest request;

  @Context ResourceInfo resource;

  /**
   * The console user of this HTTP session as they are now, if any: the identity stored at login,
   * re-read so that a deactivation or a new role applies at once.
   */
  public static Optional<AdminIdentity> current(HttpSession session, AdminAccounts accounts) {
    Object stored = session == null ? null : session.getAttribute(IDENTITY);
    return stored instanceof AdminIdentity identity ? accounts.current(identity) : Optional.empty();
  }

  /** The admin a filtered request was admitted for. */
  public static AdminIdentity caller(ContainerRequestContext context) {
    return (AdminIdentity) context.getProperty(IDENTITY);
  }

  @Override
  public void filter(ContainerRequestContext context) {
    AdminIdentity admin =
        current(request.getSession(false), accounts)
            .orElseThrow(AdminRefusedException::notLoggedIn);
    boolean reads = HttpMethod.GET.equals(context.getMethod());
    if (!reads && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      throw AdminRefusedException.crossSite();
    }
    if (superAdminOnly() ? !admin.isSuperAdmin() : !reads && !admin.mayChange()) {
      throw AdminRefusedException.notAllowed();
    }
    context.setProperty(IDENTITY, admin);
  }

  private boolean superAdminOnly() {
    return resource.getResourceMethod().isAnnotationPresent(SuperAdminOnly.class)
        || resource.getResourceClass().isAnnotationPresent(SuperAdminOnly.class);
  }
}

package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.clients.control.CallerRoles;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Refuses changes to {@link AdminSession} endpoints that come from another site's page (403), for a
 * caller the platform's authentication mechanism recognised by their console session. Who may call
 * at all is the container's decision ({@code @RolesAllowed}), taken after this filter: a request
 * without a console session passes here and is refused there (401), a cross-site change by a
 * logged-in user is refused here first, whatever their role.
 */
@Provider
@AdminSession
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

  /** Session attribute holding the {@link AdminIdentity}. */
  public static final String IDENTITY = AdminIdentity.class.getName();

  /**
   * Request attribute with the console user of this request as they are now, set by the platform's
   * authentication mechanism when the request came with a live console session.
   */
  public static final String CALLER = AdminIdentity.class.getName() + ".caller";

  @Context HttpServletRequest request;

  /**
   * The console user of this HTTP session as they are now, if any: the identity stored at login,
   * re-read so that a deactivation, a new role or a new password applies at once.
   */
  public static Optional<AdminIdentity> current(
      HttpServletRequest request, AdminAccounts accounts) {
    HttpSession session = consoleSession(request);
    Object stored = session == null ? null : session.getAttribute(IDENTITY);
    return stored instanceof AdminIdentity identity ? accounts.current(identity) : Optional.empty();
  }

  /**
   * The request's console session, if its id came in the cookie. Payara also takes a session id
   * from the path ({@code ;jsessionid=}) whatever web.xml says; an id that leaked into a URL (a
   * log, a Referer) must not log anyone in.
   */
  public static HttpSession consoleSession(HttpServletRequest request) {
    return request.isRequestedSessionIdFromURL() ? null : request.getSession(false);
  }

  /** The console user the authentication mechanism recognised for this request, if any. */
  public static Optional<AdminIdentity> recognised(HttpServletRequest request) {
    return request.getAttribute(CALLER) instanceof AdminIdentity identity
        ? Optional.of(identity)
        : Optional.empty();
  }

  /** The admin a request to an {@link AdminSession} endpoint was admitted for. */
  public static AdminIdentity caller(ContainerRequestContext context) {
    if (context.getProperty(CALLER) instanceof AdminIdentity identity) {
      return identity;
    }
    throw AdminRefusedException.notLoggedIn();
  }

  /**
   * Who acts, as the audit trail names them: the console user's name, else the enrolled device the
   * authentication mechanism recognised ({@link CallerRoles#ACTOR}).
   */
  public static String actor(ContainerRequestContext context) {
    if (context.getProperty(CALLER) instanceof AdminIdentity identity) {
      return identity.username();
    }
    if (context.getProperty(CallerRoles.ACTOR) instanceof String actor) {
      return actor;
    }
    throw AdminRefusedException.notLoggedIn();
  }

  @Override
  public void filter(ContainerRequestContext context) {
    if (recognised(request).isEmpty()) {
      return; // no console session: @RolesAllowed refuses it
    }
    if (!HttpMethod.GET.equals(context.getMethod())
        && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      throw AdminRefusedException.crossSite();
    }
  }
}

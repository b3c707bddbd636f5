package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminRefusedException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Admits {@link AdminSession} endpoints for the user logged into this HTTP session: 401 without
 * one, 403 when an operator tries to change something.
 */
@Provider
@AdminSession
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthentication implements ContainerRequestFilter {

  /** Session attribute holding the {@link AdminIdentity}. */
  static final String IDENTITY = AdminIdentity.class.getName();

  @Context HttpServletRequest request;

  /** The admin a filtered request was admitted for. */
  public static AdminIdentity caller(ContainerRequestContext context) {
    return (AdminIdentity) context.getProperty(IDENTITY);
  }

  @Override
  public void filter(ContainerRequestContext context) {
    HttpSession session = request.getSession(false);
    Object identity = session == null ? null : session.getAttribute(IDENTITY);
    if (!(identity instanceof AdminIdentity admin)) {
      throw AdminRefusedException.notLoggedIn();
    }
    if (!HttpMethod.GET.equals(context.getMethod()) && !admin.mayChange()) {
      throw AdminRefusedException.notAllowed();
    }
    context.setProperty(IDENTITY, admin);
  }
}

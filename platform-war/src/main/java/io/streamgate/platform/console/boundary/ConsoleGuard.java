package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.SameOrigin;
import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Lets only logged-in, active users see console pages; everyone else is sent to the login page (an
 * Ajax request gets the redirect in a partial response, so the browser follows it). Form posts from
 * another site's page are refused before JSF sees them. Pages are never cached.
 */
@WebFilter(urlPatterns = "/admin/*")
public class ConsoleGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String LOGIN = "/admin/login.xhtml";

  /** Request attribute with the user as they are now. */
  static final String CURRENT = ConsoleGuard.class.getName() + ".current";

  @Inject AdminAccounts accounts;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!"GET".equals(request.getMethod())
        && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN, "Requests from other sites are refused.");
      return;
    }
    if (path.equals(LOGIN) || path.startsWith("/admin/jakarta.faces.resource/")) {
      chain.doFilter(request, response);
      return;
    }
    AdminIdentity current =
        AdminAuthentication.current(request.getSession(false), accounts).orElse(null);
    if (current == null) {
      redirectToLogin(request, response);
      return;
    }
    request.setAttribute(CURRENT, current);
    chain.doFilter(request, response);
  }

  private static void redirectToLogin(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String login = request.getContextPath() + LOGIN;
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + login
                  + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(login);
  }
}

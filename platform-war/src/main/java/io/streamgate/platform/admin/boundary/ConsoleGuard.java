package io.streamgate.platform.admin.boundary;

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
 * Lets only logged-in, active users see console pages and open the console's push connections (the
 * dashboard's live counts); everyone else is sent to the login page (an Ajax request gets the
 * redirect in a partial response, so the browser follows it). Form posts from another site's page
 * are refused before JSF sees them. Pages are never cached.
 */
@WebFilter(urlPatterns = {"/admin/*", "/jakarta.faces.push/*"})
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
    if (!"GET".equals(request.getMethod())
        && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN, "Requests from other sites are refused.");
      return;
    }
    if (isLoginPage(request)) {
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

  /**
   * Whether the container maps this request to the login page. Decided on the servlet path and path
   * info, which the container has decoded and normalised and then used to choose the page: the raw
   * request URI can name one page and reach another ({@code /admin/x/%2e%2e/tickets.xhtml}).
   * Scripts and styles are served under {@code /jakarta.faces.resource/}, outside this filter.
   */
  static boolean isLoginPage(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return LOGIN.equals(request.getServletPath() + (pathInfo == null ? "" : pathInfo));
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

package io.streamgate.platform.admin.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's pages and push connections are never cached, and form posts from another site's
 * page are refused before JSF sees them (the login page's too). Who may see them is not decided
 * here: {@code web.xml} constrains them to console users, and the platform's authentication
 * mechanism sends everyone else to the login page ({@link #sendToLogin}).
 */
@WebFilter(urlPatterns = {"/admin/*", "/jakarta.faces.push/*"})
public class ConsoleGuard extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String LOGIN = "/admin/login.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("Cache-Control", "no-store");
    if (!"GET".equals(request.getMethod())
        && !SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      refuseCrossSite(response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Refuses a form post from another site's page (the console's error page says why). */
  public static void refuseCrossSite(HttpServletResponse response) throws IOException {
    response.setHeader("Cache-Control", "no-store");
    response.sendError(HttpServletResponse.SC_FORBIDDEN, "Requests from other sites are refused.");
  }

  /**
   * Sends the browser to the login page: a redirect, or for an Ajax request the redirect in a
   * partial response, so that the browser follows it.
   */
  public static void sendToLogin(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setHeader("Cache-Control", "no-store");
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

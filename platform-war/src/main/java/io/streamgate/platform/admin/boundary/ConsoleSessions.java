package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Starts a console session at login: the session that was there (anonymous, or another user's,
 * named by cookie or by path) is invalidated and a new one with a new id holds the user. Behind a
 * TLS-terminating proxy that says so in a trusted {@code X-Forwarded-Proto}, the container sees
 * plain HTTP and would send the session cookie without {@code Secure}; the cookie is then sent
 * again with it (a later cookie of the same name and path replaces the earlier one in the browser).
 */
public final class ConsoleSessions {

  private ConsoleSessions() {}

  /**
   * @param https whether the browser reached this server over HTTPS (directly or through a trusted
   *     proxy)
   */
  public static void start(
      HttpServletRequest request, HttpServletResponse response, AdminIdentity user, boolean https) {
    // Whatever session the request named, in its cookie or in its path (;jsessionid=, which
    // Payara honours whatever web.xml says), is ended; the new one also gets an id of its own,
    // so no id known before the login ever carries it.
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    HttpSession session = request.getSession(true);
    if (session.getId().equals(request.getRequestedSessionId())) {
      request.changeSessionId();
    }
    session.setAttribute(AdminAuthentication.IDENTITY, user);
    if (https && !request.isSecure()) {
      String name = request.getServletContext().getSessionCookieConfig().getName();
      String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
      response.addHeader(
          "Set-Cookie",
          (name == null ? "JSESSIONID" : name)
              + "="
              + session.getId()
              + "; Path="
              + path
              + "; Secure; HttpOnly; SameSite=Strict");
    }
  }
}

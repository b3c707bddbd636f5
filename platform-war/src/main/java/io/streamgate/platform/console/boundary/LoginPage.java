package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminLogins;
import io.streamgate.platform.runtime.boundary.Clients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The console's login form: the same check as {@code POST /api/admin/login} (rate limit, PBKDF2,
 * audit), then a fresh HTTP session, so that a session id known before login is worth nothing.
 */
@Named
@RequestScoped
public class LoginPage {

  @Inject AdminLogins logins;

  @Inject Clients clients;

  @Inject HttpServletRequest request;

  private String username = "admin";
  private String password;

  public String login() {
    AdminIdentity admin =
        Pages.result(
            () ->
                logins.login(
                    username == null ? "" : username.strip(),
                    password == null ? "" : password,
                    clients.ip(request)));
    if (admin == null) {
      return null;
    }
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate();
    }
    request.getSession(true).setAttribute(AdminAuthentication.IDENTITY, admin);
    return "/admin/index.xhtml?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}

package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.ConsoleSessions;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminLogins;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
  private String code;

  public String login() {
    AdminIdentity admin =
        Pages.result(
            () ->
                logins.login(
                    username == null ? "" : username.strip(),
                    password == null ? "" : password,
                    isTotp() ? code.strip() : null,
                    isTotp() ? null : code,
                    clients.ip(request)));
    if (admin == null) {
      return null;
    }
    ConsoleSessions.start(
        request,
        (HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse(),
        admin,
        clients.https(request));
    return admin.secondFactorPending()
        ? "/admin/account.xhtml?faces-redirect=true"
        : "/admin/index.xhtml?faces-redirect=true";
  }

  /** Six digits are an authenticator app's code; anything else is taken for a recovery code. */
  private boolean isTotp() {
    return code != null && code.strip().matches("\\d{6}");
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
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

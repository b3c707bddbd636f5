package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.control.Invitations;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Objects;

/**
 * Backs the invitation page, which needs no login: the person who followed an invitation link sets
 * their own password, typed twice.
 */
@Named
@ViewScoped
public class InvitationPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Invitations invitations;

  @Inject Clients clients;

  @Inject HttpServletRequest request;

  private String code;
  private String password;
  private String repeated;
  private Invitations.Accepted accepted;

  public void accept() {
    if (!Objects.equals(password, repeated)) {
      Pages.error("The two passwords differ.");
      return;
    }
    accepted = Pages.result(() -> invitations.accept(code, password, clients.ip(request)));
    password = null;
    repeated = null;
  }

  public Invitations.Accepted getAccepted() {
    return accepted;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRepeated() {
    return repeated;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }
}

package io.streamgate.platform.console.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.SecondFactors;
import io.streamgate.platform.codes.boundary.QrSvg;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Backs the account page: a console user sets up their second factor (QR code for an authenticator
 * app, a first code to confirm, the recovery codes shown once). A super admin who must have one is
 * sent here until they do.
 */
@Named
@ViewScoped
public class AccountPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject SecondFactors factors;

  @Inject AdminAccounts accounts;

  @Inject Console console;

  private SecondFactors.Enrollment started;
  private String code;
  private List<String> recoveryCodes;

  public boolean isTotpEnabled() {
    return accounts.find(console.identity().userId()).totpEnabled();
  }

  public boolean isSetupRequired() {
    return console.identity().secondFactorPending();
  }

  public long getRecoveryCodesLeft() {
    return factors.recoveryCodesLeft(console.identity().userId());
  }

  public void start() {
    started = Pages.result(() -> factors.start(console.identity()));
    recoveryCodes = null;
  }

  public void confirm() {
    List<String> codes =
        Pages.result(() -> factors.confirm(console.identity(), code, console.ip()));
    if (codes != null) {
      recoveryCodes = codes;
      started = null;
      code = null;
      Pages.info("Two-factor sign-in is on. Keep the recovery codes below somewhere safe.");
    }
  }

  public SecondFactors.Enrollment getStarted() {
    return started;
  }

  public String getQr() {
    return started == null ? "" : QrSvg.of(started.otpauthUri());
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}

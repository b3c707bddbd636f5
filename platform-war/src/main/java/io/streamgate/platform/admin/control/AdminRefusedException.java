package io.streamgate.platform.admin.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import java.util.Map;

/** A console request refused for who is (not) asking. */
public class AdminRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  private AdminRefusedException(int status, String message) {
    super(status, message);
  }

  private AdminRefusedException(int status, String message, Map<String, Object> extras) {
    super(status, message, extras, null);
  }

  /** The password was right, but the user's second factor is on and no code came with it. */
  public static AdminRefusedException totpRequired() {
    return new AdminRefusedException(
        401,
        "Enter the code from your authenticator app, or one of your recovery codes.",
        Map.of("totpRequired", true));
  }

  /** The password was right, the code was not (or was used before). */
  public static AdminRefusedException badCode() {
    return new AdminRefusedException(
        401,
        "Invalid code. Check the time on your phone and try again.",
        Map.of("totpRequired", true));
  }

  /** A super admin who must use a second factor and has none yet may only set it up. */
  public static AdminRefusedException secondFactorSetupRequired() {
    return new AdminRefusedException(
        403,
        "Set up two-factor sign-in first (POST /api/admin/me/totp).",
        Map.of("totpSetupRequired", true));
  }

  /** Wrong username or password; deliberately the same for either. */
  public static AdminRefusedException badCredentials() {
    return new AdminRefusedException(401, "Invalid credentials");
  }

  public static AdminRefusedException notLoggedIn() {
    return new AdminRefusedException(401, "Authentication required.");
  }

  public static AdminRefusedException crossSite() {
    return new AdminRefusedException(403, "Requests from other sites are refused.");
  }

  public static AdminRefusedException notAllowed() {
    return new AdminRefusedException(403, "Your role does not allow this action.");
  }
}

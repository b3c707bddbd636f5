package io.streamgate.platform.admin.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;

/** A console request refused for who is (not) asking. */
public class AdminRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  private AdminRefusedException(int status, String message) {
    super(status, message);
  }

  /** Wrong username or password; deliberately the same for either. */
  public static AdminRefusedException badCredentials() {
    return new AdminRefusedException(401, "Invalid username or password.");
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

package io.streamgate.platform.devices.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;

/**
 * An enrollment code or refresh token that does not sign a device in: unknown, malformed, used,
 * expired, of a revoked device or replayed. One answer for all, so a caller learns nothing.
 */
public class DeviceRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  public static final String MESSAGE = "Invalid, used or expired credentials.";

  public DeviceRefusedException() {
    super(401, MESSAGE);
  }
}

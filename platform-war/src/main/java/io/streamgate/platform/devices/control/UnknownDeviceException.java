package io.streamgate.platform.devices.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;

/** No device has this id. */
public class UnknownDeviceException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  UnknownDeviceException() {
    super(404, "Device not found");
  }
}

package io.streamgate.platform.devices.control;

import io.streamgate.platform.devices.entity.Device;
import io.streamgate.platform.devices.entity.DeviceRole;
import java.util.Set;

/**
 * An enrolled device as a request's caller: read from its row on every request, so a revocation
 * applies at once.
 *
 * @param eventIds the events a box office serves
 */
public record DeviceCaller(String id, String name, DeviceRole role, Set<String> eventIds) {

  /** The request attribute holding the device a request came from. */
  public static final String ATTRIBUTE = DeviceCaller.class.getName();

  /** How the audit trail names the device: {@code device:<name>} (usernames hold no colon). */
  public String actor() {
    return "device:" + name;
  }

  static DeviceCaller of(Device device) {
    return new DeviceCaller(device.id(), device.name(), device.role(), device.eventIds());
  }
}

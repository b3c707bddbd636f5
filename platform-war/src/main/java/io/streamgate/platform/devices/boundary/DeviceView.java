package io.streamgate.platform.devices.boundary;

import io.streamgate.platform.devices.control.Devices;
import io.streamgate.platform.devices.entity.Device;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A device as the admin API shows it. */
public record DeviceView(
    String id,
    String name,
    String role,
    Set<String> eventIds,
    Instant enrolledAt,
    String enrolledBy,
    Instant lastSeenAt,
    String lastAddress,
    Instant revokedAt,
    String revokedReason,
    String status) {

  public static DeviceView of(Device device) {
    return new DeviceView(
        device.id(),
        device.name(),
        device.role().label(),
        device.eventIds(),
        device.enrolledAt(),
        device.enrolledBy(),
        device.lastSeenAt(),
        device.lastAddress(),
        device.revokedAt(),
        device.revokedReason(),
        device.revoked() ? "revoked" : "active");
  }

  public record DeviceData(DeviceView data) {}

  public record DevicesData(List<DeviceView> data) {}

  public record EnrollmentData(Devices.Enrollment data) {}
}

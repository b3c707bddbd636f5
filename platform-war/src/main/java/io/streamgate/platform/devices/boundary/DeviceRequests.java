package io.streamgate.platform.devices.boundary;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the device endpoints take. */
public final class DeviceRequests {

  private DeviceRequests() {}

  /** {@code {role, deviceName, expiresInMinutes?, eventIds?}}: a new enrollment code. */
  public record NewEnrollment(
      @Schema(
              required = true,
              enumeration = {"box_office", "operator", "admin"})
          @NotNull(message = "Missing field: role.")
          String role,
      @Schema(required = true, maxLength = 100) @NotNull(message = "Missing field: deviceName.")
          String deviceName,
      @Schema(minimum = "1", maximum = "1440", defaultValue = "15") Integer expiresInMinutes,
      @Schema(description = "box_office only (and required): the 1 to 50 events it serves")
          List<String> eventIds) {}

  /** {@code {code, deviceName?}}: an enrollment code for a device's first credentials. */
  public record Enroll(
      @Schema(required = true) @NotNull(message = "Missing field: code.") String code,
      @Schema(maxLength = 100) String deviceName) {}

  /** {@code {refreshToken}}: the next credentials. */
  public record Refresh(
      @Schema(required = true) @NotNull(message = "Missing field: refreshToken.")
          String refreshToken) {}
}

package io.streamgate.platform.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A one-time enrollment code, stored only as its peppered hash: what the device it enrolls will be
 * (name, role, events) and until when it may be used.
 */
@Entity
@Table(name = "enrollment_code")
@NamedQuery(
    name = EnrollmentCode.USE,
    query =
        "UPDATE EnrollmentCode c SET c.usedAt = :now WHERE c.codeHash = :hash"
            + " AND c.usedAt IS NULL AND c.expiresAt > :now")
public class EnrollmentCode {

  /**
   * Marks an unused, unexpired code used; one row updated means this caller, and only this one, may
   * enroll with it (the database serialises concurrent updates of the row).
   */
  public static final String USE = "EnrollmentCode.use";

  @Id
  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(nullable = false, length = 20)
  private String role;

  @Column(name = "device_name", nullable = false, length = 100)
  private String deviceName;

  @Column(name = "event_ids", length = 2000)
  private String eventIds;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "device_id", length = 36)
  private String deviceId;

  protected EnrollmentCode() {}

  public EnrollmentCode(
      String codeHash,
      DeviceRole role,
      String deviceName,
      Set<String> eventIds,
      String createdBy,
      Instant now,
      Instant expiresAt) {
    this.codeHash = codeHash;
    this.role = role.name();
    this.deviceName = deviceName;
    this.eventIds = eventIds.isEmpty() ? null : String.join(",", eventIds);
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  /** Records the device the code enrolled. */
  public void enrolled(Device device) {
    this.deviceId = device.id();
  }

  public DeviceRole role() {
    return DeviceRole.valueOf(role);
  }

  public String deviceName() {
    return deviceName;
  }

  public Set<String> eventIds() {
    return eventIds == null
        ? Set.of()
        : Arrays.stream(eventIds.split(",")).collect(Collectors.toUnmodifiableSet());
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}

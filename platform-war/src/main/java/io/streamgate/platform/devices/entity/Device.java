package io.streamgate.platform.devices.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An enrolled device: its name, role, the events a box office serves, and when it was last seen.
 */
@Entity
@Table(name = "device")
@NamedQuery(name = Device.ALL, query = "SELECT d FROM Device d ORDER BY d.enrolledAt DESC, d.id")
public class Device {

  public static final String ALL = "Device.all";

  /** How often the last-seen time is written at most: not on every request. */
  static final Duration SEEN_WRITE_INTERVAL = Duration.ofMinutes(1);

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 20)
  private String role;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "device_event", joinColumns = @JoinColumn(name = "device_id"))
  @Column(name = "event_id", length = 36)
  private Set<String> eventIds = new LinkedHashSet<>();

  @Column(name = "enrolled_at", nullable = false)
  private Instant enrolledAt;

  @Column(name = "enrolled_by", nullable = false, length = 100)
  private String enrolledBy;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "last_address", length = 45)
  private String lastAddress;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "revoked_reason", length = 40)
  private String revokedReason;

  protected Device() {}

  public Device(
      String name,
      DeviceRole role,
      Set<String> eventIds,
      String enrolledBy,
      String address,
      Instant now) {
    this.id = RandomIds.uuid();
    this.name = name;
    this.role = role.name();
    this.eventIds = new LinkedHashSet<>(eventIds);
    this.enrolledBy = enrolledBy;
    this.enrolledAt = now;
    this.lastSeenAt = now;
    this.lastAddress = address;
  }

  /** Notes a request from the device; answers whether that changed the row (once a minute). */
  public boolean seen(Instant now, String address) {
    if (lastSeenAt != null
        && now.isBefore(lastSeenAt.plus(SEEN_WRITE_INTERVAL))
        && address.equals(lastAddress)) {
      return false;
    }
    lastSeenAt = now;
    lastAddress = address;
    return true;
  }

  /** Ends the device's access; answers false when it had ended already. */
  public boolean revoke(Instant now, String reason) {
    if (revokedAt != null) {
      return false;
    }
    revokedAt = now;
    revokedReason = reason;
    return true;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public DeviceRole role() {
    return DeviceRole.valueOf(role);
  }

  /** The events a box office serves (empty for other roles: they are not limited by event). */
  public Set<String> eventIds() {
    return Set.copyOf(eventIds);
  }

  public Instant enrolledAt() {
    return enrolledAt;
  }

  public String enrolledBy() {
    return enrolledBy;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public String lastAddress() {
    return lastAddress;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public String revokedReason() {
    return revokedReason;
  }

  public boolean revoked() {
    return revokedAt != null;
  }
}

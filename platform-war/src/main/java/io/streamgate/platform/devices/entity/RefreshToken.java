package io.streamgate.platform.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One refresh token of a device, stored only as its peppered hash. A device's tokens are one
 * family: each is used once, for the next; a used one stays so that its second use is seen.
 */
@Entity
@Table(name = "device_refresh_token")
@NamedQuery(
    name = RefreshToken.USE,
    query =
        "UPDATE RefreshToken t SET t.usedAt = :now WHERE t.tokenHash = :hash AND t.usedAt IS NULL"
            + " AND t.expiresAt > :now")
@NamedQuery(
    name = RefreshToken.END_FAMILY,
    query =
        "UPDATE RefreshToken t SET t.usedAt = :now WHERE t.deviceId = :device AND t.usedAt IS NULL")
public class RefreshToken {

  /** Marks an unused, unexpired token used; one row updated means this caller won it. */
  public static final String USE = "RefreshToken.use";

  /** Uses up every token of a device that was not used yet. */
  public static final String END_FAMILY = "RefreshToken.endFamily";

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "device_id", nullable = false, length = 36)
  private String deviceId;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RefreshToken() {}

  public RefreshToken(String tokenHash, String deviceId, Instant now, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.deviceId = deviceId;
    this.issuedAt = now;
    this.expiresAt = expiresAt;
  }

  public String deviceId() {
    return deviceId;
  }

  /** Whether the token was used before (a second use is a replay). */
  public boolean used() {
    return usedAt != null;
  }
}

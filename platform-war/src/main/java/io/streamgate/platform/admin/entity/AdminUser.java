package io.streamgate.platform.admin.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** A named console user; the password is stored only as a salted PBKDF2 hash. */
@Entity
@Table(name = "admin_user")
@NamedQuery(name = AdminUser.COUNT, query = "SELECT COUNT(u) FROM AdminUser u")
@NamedQuery(
    name = AdminUser.BY_USERNAME,
    query = "SELECT u FROM AdminUser u WHERE u.username = :username")
@NamedQuery(name = AdminUser.ALL, query = "SELECT u FROM AdminUser u ORDER BY u.username")
@NamedQuery(
    name = AdminUser.ACTIVE_SUPER_ADMINS,
    query = "SELECT COUNT(u) FROM AdminUser u WHERE u.active = :active AND u.role = 'SUPER_ADMIN'")
public class AdminUser {

  public static final String COUNT = "AdminUser.count";
  public static final String BY_USERNAME = "AdminUser.byUsername";
  public static final String ALL = "AdminUser.all";
  public static final String ACTIVE_SUPER_ADMINS = "AdminUser.activeSuperAdmins";

  /** What a user may do in the console. */
  public enum Role {
    /** Everything, including users and the audit log. */
    SUPER_ADMIN,
    /** Events, codes, viewers and the dashboard. */
    ADMIN,
    /** Looks at the dashboard, events, codes and viewers; changes nothing. */
    OPERATOR;

    /** The name the API and the pages use: {@code super_admin}, {@code admin}, {@code operator}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this {@link #label()}, if any. */
    public static Optional<Role> ofLabel(String label) {
      return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(label)).findFirst();
    }
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 100, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false, length = 500)
  private String passwordHash;

  @Column(nullable = false, length = 20)
  private String role;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "session_epoch", nullable = false)
  private int sessionEpoch;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @Column(name = "totp_secret", length = 64)
  private String totpSecret;

  @Column(name = "totp_enabled", nullable = false)
  private boolean totpEnabled;

  @Column(name = "totp_last_step", nullable = false)
  private long totpLastStep;

  @Version private long version;

  protected AdminUser() {}

  public AdminUser(String username, String passwordHash, Role role, Instant now) {
    this.id = RandomIds.uuid();
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role.name();
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  /**
   * A fingerprint of the stored password hash and the session epoch: it changes with every new
   * password (each hash has a fresh salt) and every deactivation, so sessions opened before can
   * tell they are over.
   */
  public String credentials() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((passwordHash + "|" + sessionEpoch).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  public Role role() {
    return Role.valueOf(role);
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastLoginAt() {
    return lastLoginAt;
  }

  public long version() {
    return version;
  }

  public void loggedIn(Instant now) {
    lastLoginAt = now;
  }

  public void changeRole(Role role) {
    this.role = role.name();
  }

  /** Deactivating ends every session of the user, also for after a reactivation. */
  public void activate(boolean active) {
    if (this.active && !active) {
      sessionEpoch++;
    }
    this.active = active;
  }

  public void changePassword(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  /** The TOTP secret (Base32), once enrollment started; empty before. */
  public Optional<String> totpSecret() {
    return Optional.ofNullable(totpSecret);
  }

  /** Whether logins need a TOTP or recovery code besides the password. */
  public boolean totpEnabled() {
    return totpEnabled;
  }

  /** Starts (or restarts) TOTP enrollment with a new secret; the factor is not on yet. */
  public void startTotp(String secret) {
    totpSecret = secret;
    totpEnabled = false;
    totpLastStep = 0;
  }

  /** Turns the second factor on, the confirming code's time step used up. */
  public void enableTotp(long step) {
    totpEnabled = true;
    totpLastStep = step;
  }

  /**
   * Uses up a code's time step: false when a code of this step or a later one was accepted before
   * (a code seen once, on the wire or over a shoulder, never logs in again).
   */
  public boolean useTotpStep(long step) {
    if (step <= totpLastStep) {
      return false;
    }
    totpLastStep = step;
    return true;
  }

  /** Turns the second factor off and forgets its secret (a super admin's reset). */
  public void resetTotp() {
    totpSecret = null;
    totpEnabled = false;
    totpLastStep = 0;
  }
}

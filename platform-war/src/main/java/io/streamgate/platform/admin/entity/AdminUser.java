package io.streamgate.platform.admin.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named console user; the password is stored only as a salted PBKDF2 hash. */
@Entity
@Table(name = "admin_user")
@NamedQuery(name = AdminUser.COUNT, query = "SELECT COUNT(u) FROM AdminUser u")
@NamedQuery(
    name = AdminUser.BY_USERNAME,
    query = "SELECT u FROM AdminUser u WHERE u.username = :username")
public class AdminUser {

  public static final String COUNT = "AdminUser.count";
  public static final String BY_USERNAME = "AdminUser.byUsername";

  /** What a user may do in the console. */
  public enum Role {
    ADMIN,
    OPERATOR
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

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  protected AdminUser() {}

  public AdminUser(String username, String passwordHash, Role role, Instant now) {
    this.id = RandomIds.uuid();
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role.name();
    this.createdAt = now;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return Role.valueOf(role);
  }

  public boolean active() {
    return active;
  }

  public void loggedIn(Instant now) {
    lastLoginAt = now;
  }
}

package io.streamgate.platform.admin.entity;

import io.streamgate.platform.admin.entity.AdminUser.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A one-time invitation, stored only as its code's hash: the person who follows it sets the
 * password of {@link #username()} themselves (a new user, or a password reset of an existing one).
 */
@Entity
@Table(name = "admin_invitation")
@NamedQuery(
    name = Invitation.USE,
    query =
        "UPDATE Invitation i SET i.usedAt = :now WHERE i.codeHash = :hash AND i.usedAt IS NULL"
            + " AND i.expiresAt > :now")
@NamedQuery(
    name = Invitation.SUPERSEDE,
    query = "DELETE FROM Invitation i WHERE i.username = :username AND i.usedAt IS NULL")
public class Invitation {

  /** Marks an unused, unexpired invitation used; one row updated means this caller won it. */
  public static final String USE = "Invitation.use";

  /** Voids every unused invitation of a username: a newer one, or a followed one, replaces them. */
  public static final String SUPERSEDE = "Invitation.supersede";

  @Id
  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(nullable = false, length = 100)
  private String username;

  @Column(nullable = false, length = 20)
  private String role;

  @Column(nullable = false)
  private boolean reset;

  @Column(length = 64)
  private String credentials;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  protected Invitation() {}

  /**
   * @param resetOf the user whose password this resets, as they are now; null for a new user
   */
  public Invitation(
      String codeHash,
      String username,
      Role role,
      AdminUser resetOf,
      String createdBy,
      Instant now,
      Instant expires) {
    this.codeHash = codeHash;
    this.username = username;
    this.role = role.name();
    this.reset = resetOf != null;
    this.credentials = resetOf == null ? null : resetOf.credentials();
    this.createdBy = createdBy;
    this.createdAt = now;
    this.expiresAt = expires;
  }

  public String username() {
    return username;
  }

  public Role role() {
    return Role.valueOf(role);
  }

  /**
   * Whether the invitation still fits the account: a new-user invitation a username nobody took
   * since; a reset link the same user, with the role and password they had when it was made.
   */
  public boolean fits(AdminUser user) {
    if (!reset) {
      return user == null;
    }
    return user != null && user.role() == role() && user.credentials().equals(credentials);
  }

  public String createdBy() {
    return createdBy;
  }
}

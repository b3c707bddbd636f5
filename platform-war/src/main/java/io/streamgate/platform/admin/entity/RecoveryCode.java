package io.streamgate.platform.admin.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One of a user's ten one-time recovery codes, stored only as a hash. */
@Entity
@Table(name = "admin_recovery_code")
@NamedQuery(
    name = RecoveryCode.USE,
    query =
        "UPDATE RecoveryCode r SET r.usedAt = :now WHERE r.codeHash = :hash AND r.userId = :user"
            + " AND r.usedAt IS NULL")
@NamedQuery(
    name = RecoveryCode.OF_USER,
    query = "DELETE FROM RecoveryCode r WHERE r.userId = :user")
@NamedQuery(
    name = RecoveryCode.LEFT,
    query = "SELECT COUNT(r) FROM RecoveryCode r WHERE r.userId = :user AND r.usedAt IS NULL")
public class RecoveryCode {

  /** Uses an unused code of the user; one row updated means it was one. */
  public static final String USE = "RecoveryCode.use";

  /** Removes every code of the user (new ones replace them, a reset ends them). */
  public static final String OF_USER = "RecoveryCode.ofUser";

  /** How many unused codes the user has left. */
  public static final String LEFT = "RecoveryCode.left";

  @Id
  @Column(name = "code_hash", length = 64)
  private String codeHash;

  @Column(name = "user_id", nullable = false, length = 36)
  private String userId;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(String codeHash, String userId) {
    this.codeHash = codeHash;
    this.userId = userId;
  }
}

package io.streamgate.platform.audit.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One thing that happened; never updated or deleted. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 100)
  private String actor;

  @Column(nullable = false, length = 60)
  private String action;

  @Column(length = 200)
  private String target;

  @Column(length = 45)
  private String ip;

  @Column(length = 2000)
  private String details;

  protected AuditEntry() {}

  public AuditEntry(
      Instant at, String actor, String action, String target, String ip, String details) {
    this.id = RandomIds.uuid();
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.target = target;
    this.ip = ip;
    this.details = details;
  }

  public String id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String ip() {
    return ip;
  }

  public String details() {
    return details;
  }
}

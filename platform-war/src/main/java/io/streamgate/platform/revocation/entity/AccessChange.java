package io.streamgate.platform.revocation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One change of who may watch, in the append-only log media servers poll. */
@Entity
@Table(name = "access_change")
@NamedQuery(
    name = AccessChange.SINCE,
    query = "SELECT a FROM AccessChange a WHERE a.changedAt > :since ORDER BY a.id")
public class AccessChange {

  public static final String SINCE = "AccessChange.since";

  /** What changed. */
  public enum Kind {
    CODE_REVOKED,
    CODE_RESTORED,
    EVENT_DEACTIVATED,
    EVENT_REACTIVATED;

    public boolean ofCode() {
      return this == CODE_REVOKED || this == CODE_RESTORED;
    }
  }

  @Id
  @SequenceGenerator(name = "access_change", sequenceName = "access_change_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_change")
  private Long id;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Kind kind;

  @Column(name = "event_id", nullable = false, length = 36)
  private String eventId;

  @Column(length = 12)
  private String code;

  protected AccessChange() {}

  private AccessChange(Kind kind, String eventId, String code, Instant changedAt) {
    this.kind = kind;
    this.eventId = Objects.requireNonNull(eventId);
    this.code = code;
    this.changedAt = changedAt;
  }

  public static AccessChange ofCode(Kind kind, String eventId, String code, Instant at) {
    if (!kind.ofCode()) {
      throw new IllegalArgumentException(kind + " is not a change of a code");
    }
    return new AccessChange(kind, eventId, Objects.requireNonNull(code), at);
  }

  public static AccessChange ofEvent(Kind kind, String eventId, Instant at) {
    if (kind.ofCode()) {
      throw new IllegalArgumentException(kind + " is not a change of an event");
    }
    return new AccessChange(kind, eventId, null, at);
  }

  public Kind kind() {
    return kind;
  }

  public String eventId() {
    return eventId;
  }

  public String code() {
    return code;
  }

  public Instant changedAt() {
    return changedAt;
  }

  /** What this change is about: later changes of the same target supersede it. */
  public String target() {
    return kind.ofCode() ? "code:" + code : "event:" + eventId;
  }
}

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

/**
 * One change of who may watch, in the append-only log media servers poll. Codes are named by their
 * opaque id (as tokens name them), never by the code. Ended sessions are logged too, so that media
 * servers outside the data grid refuse their tokens; those rows only matter while a token of the
 * session can be valid and are deleted after that.
 */
@Entity
@Table(name = "access_change")
@NamedQuery(
    name = AccessChange.SINCE,
    query =
        "SELECT a FROM AccessChange a WHERE a.changedAt > :since AND (a.kind <> :sessionEnded"
            + " OR a.changedAt > :sessionsSince) ORDER BY a.id")
@NamedQuery(
    name = AccessChange.FORGET_SESSIONS,
    query = "DELETE FROM AccessChange a WHERE a.kind = :sessionEnded AND a.changedAt < :before")
public class AccessChange {

  /**
   * Changes after {@code since}; ended sessions only when after {@code sessionsSince} as well
   * (older ones have no valid token left). Bind {@code sessionEnded} to {@link Kind#SESSION_ENDED}.
   */
  public static final String SINCE = "AccessChange.since";

  /** Deletes ended sessions logged before {@code before}. */
  public static final String FORGET_SESSIONS = "AccessChange.forgetSessions";

  /** What changed. */
  public enum Kind {
    CODE_REVOKED,
    CODE_RESTORED,
    EVENT_DEACTIVATED,
    EVENT_REACTIVATED,
    SESSION_ENDED;

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

  /** Null for ended sessions. */
  @Column(name = "event_id", length = 36)
  private String eventId;

  @Column(name = "code_id", length = 36)
  private String codeId;

  @Column(name = "session_id", length = 36)
  private String sessionId;

  protected AccessChange() {}

  private AccessChange(
      Kind kind, String eventId, String codeId, String sessionId, Instant changedAt) {
    this.kind = kind;
    this.eventId = eventId;
    this.codeId = codeId;
    this.sessionId = sessionId;
    this.changedAt = changedAt;
  }

  public static AccessChange ofCode(Kind kind, String eventId, String codeId, Instant at) {
    if (!kind.ofCode()) {
      throw new IllegalArgumentException(kind + " is not a change of a code");
    }
    return new AccessChange(
        kind, Objects.requireNonNull(eventId), Objects.requireNonNull(codeId), null, at);
  }

  public static AccessChange ofEvent(Kind kind, String eventId, Instant at) {
    if (kind.ofCode() || kind == Kind.SESSION_ENDED) {
      throw new IllegalArgumentException(kind + " is not a change of an event");
    }
    return new AccessChange(kind, Objects.requireNonNull(eventId), null, null, at);
  }

  public static AccessChange sessionEnded(String sessionId, Instant at) {
    return new AccessChange(Kind.SESSION_ENDED, null, null, Objects.requireNonNull(sessionId), at);
  }

  public Kind kind() {
    return kind;
  }

  public String eventId() {
    return eventId;
  }

  public String codeId() {
    return codeId;
  }

  public String sessionId() {
    return sessionId;
  }

  public Instant changedAt() {
    return changedAt;
  }

  /** What this change is about: later changes of the same target supersede it. */
  public String target() {
    if (kind == Kind.SESSION_ENDED) {
      return "session:" + sessionId;
    }
    return kind.ofCode() ? "code:" + codeId : "event:" + eventId;
  }
}

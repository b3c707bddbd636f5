package io.streamgate.platform.tickets.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Someone who gets their ticket by e-mail: their address, name, optional label and time zone, the
 * code made for them, and where the message with it stands. The row is the message's place in the
 * mail queue too: queued until the SMTP server accepted it, tried again after a refusal that may
 * pass, and failed for good after a permanent refusal or 24 hours.
 */
@Entity
@Table(name = "attendee")
@NamedQuery(
    name = Attendee.DUE,
    query =
        "SELECT a.id FROM Attendee a WHERE a.status = :queued AND a.nextAttemptAt <= :now"
            + " AND (a.leaseUntil IS NULL OR a.leaseUntil < :now) ORDER BY a.nextAttemptAt")
@NamedQuery(
    name = Attendee.CLAIM,
    query =
        "UPDATE Attendee a SET a.leaseUntil = :until WHERE a.id = :id AND a.status = :queued"
            + " AND a.nextAttemptAt <= :now AND (a.leaseUntil IS NULL OR a.leaseUntil < :now)")
@NamedQuery(
    name = Attendee.OF_EVENT,
    query =
        "SELECT a FROM Attendee a WHERE a.eventId = :event AND a.status IN :statuses"
            + " ORDER BY a.createdAt, a.id")
@NamedQuery(
    name = Attendee.COUNT_OF_EVENT,
    query = "SELECT COUNT(a) FROM Attendee a WHERE a.eventId = :event AND a.status IN :statuses")
@NamedQuery(
    name = Attendee.STATUS_COUNTS,
    query = "SELECT a.status, COUNT(a) FROM Attendee a WHERE a.eventId = :event GROUP BY a.status")
@NamedQuery(
    name = Attendee.KNOWN_ADDRESSES,
    query = "SELECT a.emailKey FROM Attendee a WHERE a.eventId = :event AND a.emailKey IN :keys")
public class Attendee {

  public static final String DUE = "Attendee.due";
  public static final String CLAIM = "Attendee.claim";
  public static final String OF_EVENT = "Attendee.ofEvent";
  public static final String COUNT_OF_EVENT = "Attendee.countOfEvent";
  public static final String STATUS_COUNTS = "Attendee.statusCounts";
  public static final String KNOWN_ADDRESSES = "Attendee.knownAddresses";

  /** Where an attendee's message stands. */
  public enum Status {
    QUEUED,
    SENT,
    FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** At most this much of the SMTP server's answer is kept. */
  public static final int ANSWER_KEPT = 500;

  /** How long a message is tried before it fails. */
  public static final Duration RETRY_WINDOW = Duration.ofHours(24);

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "event_id", nullable = false, length = 36)
  private String eventId;

  @Column(name = "access_code_id", nullable = false, length = 36)
  private String codeId;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "email_key", nullable = false, length = 254)
  private String emailKey;

  @Column(length = 200)
  private String name;

  @Column(length = 200)
  private String label;

  @Column(name = "time_zone", length = 64)
  private String timeZone;

  @Column(name = "portal_url", nullable = false, length = 500)
  private String portalUrl;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "retry_until", nullable = false)
  private Instant retryUntil;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_answer", length = ANSWER_KEPT)
  private String lastAnswer;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  protected Attendee() {}

  /** A new attendee of the event with their code, queued to be sent now. */
  public Attendee(
      String eventId,
      String codeId,
      String email,
      String name,
      String label,
      String timeZone,
      String portalUrl,
      String createdBy,
      Instant now) {
    this.id = RandomIds.uuid();
    this.eventId = eventId;
    this.codeId = codeId;
    this.email = email;
    this.emailKey = key(email);
    this.name = name;
    this.label = label;
    this.timeZone = timeZone;
    this.portalUrl = portalUrl;
    this.createdBy = createdBy;
    this.createdAt = now;
    queue(now);
  }

  /** The address as compared: one attendee per address and event, whatever its case. */
  public static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }

  /** Queued again from now, for a full retry window: a resend. */
  public void queue(Instant now) {
    status = Status.QUEUED;
    attempts = 0;
    nextAttemptAt = now;
    retryUntil = now.plus(RETRY_WINDOW);
    leaseUntil = null;
  }

  /** The SMTP server took the message. */
  public void sent(Instant now) {
    attempts++;
    status = Status.SENT;
    sentAt = now;
    lastAttemptAt = now;
    lastAnswer = null;
    leaseUntil = null;
  }

  /**
   * An attempt failed: for good when {@code permanent} or the retry window is over, else tried
   * again at {@code next}.
   */
  public void failed(Instant now, String answer, boolean permanent, Instant next) {
    attempts++;
    lastAttemptAt = now;
    lastAnswer =
        answer == null || answer.length() <= ANSWER_KEPT
            ? answer
            : answer.substring(0, ANSWER_KEPT);
    leaseUntil = null;
    if (permanent || next.isAfter(retryUntil)) {
      status = Status.FAILED;
    } else {
      nextAttemptAt = next;
    }
  }

  public String id() {
    return id;
  }

  public String eventId() {
    return eventId;
  }

  public String codeId() {
    return codeId;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String timeZone() {
    return timeZone;
  }

  public String portalUrl() {
    return portalUrl;
  }

  public Status status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant leaseUntil() {
    return leaseUntil;
  }

  public Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  public String lastAnswer() {
    return lastAnswer;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public Instant createdAt() {
    return createdAt;
  }
}

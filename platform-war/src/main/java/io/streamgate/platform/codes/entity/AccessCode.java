package io.streamgate.platform.codes.entity;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.events.entity.Event;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One ticket's access code for one event. */
@Entity
@Table(name = "access_code")
@NamedQuery(
    name = AccessCode.BY_CODE,
    query = "SELECT c FROM AccessCode c JOIN FETCH c.event WHERE c.code = :code")
@NamedQuery(
    name = AccessCode.USABLE_OF_EVENT,
    query =
        "SELECT c.code FROM AccessCode c WHERE c.event.id = :eventId AND c.revoked = false"
            + " AND c.expiresAt >= :now AND c.labelKey LIKE :labelPrefix"
            + " ORDER BY c.createdAt, c.code")
@NamedQuery(name = AccessCode.TO_CLAIM, query = "SELECT c FROM AccessCode c WHERE c.code = :code")
@NamedQuery(
    name = AccessCode.BY_ID,
    query = "SELECT c FROM AccessCode c JOIN FETCH c.event WHERE c.id = :id")
@NamedQuery(
    name = AccessCode.REVOKED_UNEXPIRED,
    query =
        "SELECT c.id, c.expiresAt FROM AccessCode c WHERE c.revoked = true AND c.expiresAt > :since")
@NamedQuery(
    name = AccessCode.WITH_IDS,
    query = "SELECT c FROM AccessCode c JOIN FETCH c.event WHERE c.id IN :ids")
@NamedQuery(
    name = AccessCode.EXPIRE_OF_EVENT,
    query = "UPDATE AccessCode c SET c.expiresAt = :expiresAt WHERE c.event.id = :eventId")
@NamedQuery(
    name = AccessCode.COUNT_OF_EVENT,
    query = "SELECT COUNT(c) FROM AccessCode c WHERE c.event.id = :eventId")
@NamedQuery(
    name = AccessCode.REDEEMED_COUNT_OF_EVENT,
    query =
        "SELECT COUNT(c) FROM AccessCode c WHERE c.event.id = :eventId AND c.redeemedAt IS NOT NULL")
@NamedQuery(
    name = AccessCode.EXISTING,
    query = "SELECT c.code FROM AccessCode c WHERE c.code IN :ids")
@NamedQuery(
    name = AccessCode.EXISTING_IDS,
    query = "SELECT c.id FROM AccessCode c WHERE c.id IN :ids")
public class AccessCode {

  /** Moves the expiry of an event's codes to the end of its (changed) access window. */
  public static final String EXPIRE_OF_EVENT = "AccessCode.expireOfEvent";

  public static final String WITH_IDS = "AccessCode.withIds";

  public static final String COUNT_OF_EVENT = "AccessCode.countOfEvent";

  /** How many of an event's codes were ever redeemed. */
  public static final String REDEEMED_COUNT_OF_EVENT = "AccessCode.redeemedCountOfEvent";

  /** Which of the given codes exist. */
  public static final String EXISTING = "AccessCode.existing";

  /** Which of the given code ids exist. */
  public static final String EXISTING_IDS = "AccessCode.existingIds";

  /** Id and expiry of the revoked codes that expired after {@code since} or have yet to. */
  public static final String REVOKED_UNEXPIRED = "AccessCode.revokedUnexpired";

  public static final String BY_CODE = "AccessCode.byCode";

  /**
   * A code by its id, with its event. The id is random and is what playback tokens name ({@code
   * sub}): knowing it does not let anyone redeem the code.
   */
  public static final String BY_ID = "AccessCode.byId";

  /**
   * The code alone, for locking: with the event joined, SELECT ... FOR UPDATE would lock the event
   * row too, and every redeem of an event would queue behind every other.
   */
  public static final String TO_CLAIM = "AccessCode.toClaim";

  /** The codes of an event, by label prefix (lower case), that still open it. */
  public static final String USABLE_OF_EVENT = "AccessCode.usableOfEvent";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 12, unique = true)
  private String code;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id", nullable = false)
  private Event event;

  @Column(length = 200)
  private String label;

  /** The label in lower case, indexed for case-insensitive prefix searches; labels never change. */
  @Column(name = "label_key", length = 200)
  private String labelKey;

  @Column(nullable = false)
  private boolean revoked;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "restored_at")
  private Instant restoredAt;

  @Column(name = "redeemed_at")
  private Instant redeemedAt;

  @Column(name = "redeemed_ip", length = 45)
  private String redeemedIp;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected AccessCode() {}

  /** A fresh code for the event, valid until the event's access window closes. */
  public AccessCode(String code, Event event, String label, Instant now) {
    if (!AccessCodeCodec.isCanonical(code)) {
      throw new IllegalArgumentException("not a canonical access code");
    }
    this.id = RandomIds.uuid();
    this.code = code;
    this.event = event;
    this.label = label;
    this.labelKey = label == null ? null : label.toLowerCase(java.util.Locale.ROOT);
    this.expiresAt = event.accessEndsAt();
    this.createdAt = now;
  }

  /** Records the first redemption; later ones leave it as it was. */
  public void redeem(Instant now, String clientIp) {
    if (redeemedAt == null) {
      redeemedAt = now;
      redeemedIp = clientIp;
    }
  }

  /**
   * Ends this code's access before its event's window closes (the demo's expired ticket); a later
   * change of the event's schedule moves it back with the others.
   */
  public void expireAt(Instant at) {
    expiresAt = at;
  }

  /** Stops the code from opening its event; false when it already was revoked. */
  public boolean revoke(Instant now) {
    if (revoked) {
      return false;
    }
    revoked = true;
    revokedAt = now;
    return true;
  }

  /** Lets a revoked code open its event again; false when it was not revoked. */
  public boolean restore(Instant now) {
    if (!revoked) {
      return false;
    }
    revoked = false;
    restoredAt = now;
    return true;
  }

  public String id() {
    return id;
  }

  public String code() {
    return code;
  }

  /** The specification's status: revoked, else expired, else redeemed, else unused. */
  public String status(Instant now) {
    return CodeStatus.of(revoked, expiresAt, redeemedAt, now).label();
  }

  public Event event() {
    return event;
  }

  public String label() {
    return label;
  }

  public boolean revoked() {
    return revoked;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant redeemedAt() {
    return redeemedAt;
  }
}

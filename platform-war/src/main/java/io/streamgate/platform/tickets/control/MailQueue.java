package io.streamgate.platform.tickets.control;

import io.streamgate.platform.clock.control.Backoff;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.settings.entity.PlatformSettings;
import io.streamgate.platform.tickets.entity.Attendee;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail queue's transactions: claiming due messages and recording how each went. A claim is a
 * conditional UPDATE of the attendee's lease, so when several platform members look at once each
 * message goes to one of them; a member that dies while sending leaves a lease that runs out, and
 * the message is sent again (at least once).
 */
@ApplicationScoped
public class MailQueue {

  /**
   * How long a claimed message is left to its member. The sender stops a batch well before it runs
   * out ({@link #SAFE_BEFORE_END}), and an outcome is recorded only under its own lease.
   */
  static final Duration LEASE = Duration.ofMinutes(5);

  /** A batch sends no further message once its lease ends within this: one message's timeouts. */
  public static final Duration SAFE_BEFORE_END = Duration.ofMinutes(1);

  /** Retries wait 5 s, 10 s, 20 s, ... twice as long each time, at most this. */
  static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(5), 2, LONGEST_WAIT);

  /** One message to send, with everything it says, read in the claiming transaction. */
  public record Letter(
      String attendeeId,
      String email,
      String name,
      String code,
      String eventTitle,
      Instant startsAt,
      String timeZone,
      String portalUrl,
      Instant lease) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject PlatformSettings settings;

  /**
   * Claims up to {@code max} due messages for this member. A message whose code was revoked
   * meanwhile fails at once and is not handed out.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Letter> claimDue(int max) {
    Instant now = clock.instant();
    // Kept to the millisecond, as every database stores it: the lease is compared when recording.
    Instant lease = now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    List<String> due =
        em.createNamedQuery(Attendee.DUE, String.class)
            .setParameter("queued", Attendee.Status.QUEUED)
            .setParameter("now", now)
            .setMaxResults(max)
            .getResultList();
    List<Letter> claimed = new ArrayList<>();
    for (String id : due) {
      int won =
          em.createNamedQuery(Attendee.CLAIM)
              .setParameter("id", id)
              .setParameter("queued", Attendee.Status.QUEUED)
              .setParameter("now", now)
              .setParameter("until", lease)
              .executeUpdate();
      if (won != 1) {
        continue; // another member claimed it first
      }
      Attendee attendee = em.find(Attendee.class, id);
      AccessCode code =
          em.createNamedQuery(AccessCode.WITH_IDS, AccessCode.class)
              .setParameter("ids", List.of(attendee.codeId()))
              .getSingleResult();
      if (code.revoked()) {
        attendee.failed(now, "Not sent: the code was revoked.", true, now);
        continue;
      }
      claimed.add(
          new Letter(
              id,
              attendee.email(),
              attendee.name(),
              code.code(),
              code.event().title(),
              code.event().startsAt(),
              attendee.timeZone(),
              settings.portalUrl().orElse(attendee.portalUrl()),
              lease));
    }
    return claimed;
  }

  /**
   * The SMTP server took the message. Recorded only while the claim is still this member's: after
   * its lease ran out the row may have gone to another member, whose outcome counts.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean sent(Letter letter) {
    Attendee attendee = claimed(letter);
    if (attendee != null) {
      attendee.sent(clock.instant());
    }
    return attendee != null;
  }

  /**
   * The message was not taken: failed for good when {@code permanent} (the server refused the
   * address), else tried again after {@link #waitAfter} the attempts so far, within its window.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void failed(Letter letter, String answer, boolean permanent) {
    Attendee attendee = claimed(letter);
    if (attendee != null) {
      Instant now = clock.instant();
      attendee.failed(now, answer, permanent, now.plus(waitAfter(attendee.attempts() + 1)));
    }
  }

  /** The attendee of a letter, locked, if its claim is still the letter's; else null. */
  private Attendee claimed(Letter letter) {
    Attendee attendee =
        em.find(Attendee.class, letter.attendeeId(), LockModeType.PESSIMISTIC_WRITE);
    return attendee != null
            && attendee.status() == Attendee.Status.QUEUED
            && letter.lease().equals(attendee.leaseUntil())
        ? attendee
        : null;
  }

  /** How long to wait after the {@code attempt}-th failed attempt: 5 s, 10 s, 20 s, ... 10 min. */
  static Duration waitAfter(int attempt) {
    return RETRIES.after(attempt);
  }
}

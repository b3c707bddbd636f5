package io.streamgate.platform.events.control;

import io.streamgate.common.Spec;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.ConflictException;
import io.streamgate.platform.refusal.control.UnknownTargetException;
import io.streamgate.platform.revocation.control.Revocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Creates and changes events and generates their codes, each with an audit entry. */
@ApplicationScoped
@Transactional
public class EventAdministration {

  static final int MAX_LABEL = 200;

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  @Inject Revocations revocations;

  private final AccessCodeCodec codec = new AccessCodeCodec();

  public Event create(EventDraft draft, String actor, String ip) {
    Instant now = clock.instant();
    Event event =
        new Event(draft.title(), draft.startsAt(), draft.endsAt(), draft.accessWindowHours(), now);
    event.present(draft.description(), draft.streamUrl(), draft.posterUrl(), now);
    em.persist(event);
    audit.record(actor, "event-create", "event:" + event.id(), ip, null);
    return event;
  }

  /**
   * Replaces what the event says and when it runs. {@code version}, when given, is the version the
   * admin edited; a newer one in the database means somebody else saved in between (409). Codes
   * expire with the event's new access window.
   */
  public Event update(String id, EventDraft draft, Long version, String actor, String ip) {
    Event event = find(id);
    if (version != null && version != event.version()) {
      throw ConflictException.staleEdit("event");
    }
    Instant accessEnded = event.accessEndsAt();
    Instant now = clock.instant();
    event.reschedule(
        draft.title(), draft.startsAt(), draft.endsAt(), draft.accessWindowHours(), now);
    event.present(draft.description(), draft.streamUrl(), draft.posterUrl(), now);
    if (!event.accessEndsAt().equals(accessEnded)) {
      em.createNamedQuery(AccessCode.EXPIRE_OF_EVENT)
          .setParameter("eventId", id)
          .setParameter("expiresAt", event.accessEndsAt())
          .executeUpdate();
    }
    audit.record(actor, "event-update", "event:" + id, ip, null);
    return event;
  }

  /** Hides the event from the lists, or shows it again. */
  public Event archive(String id, boolean archived, String actor, String ip) {
    Event event = find(id);
    if (event.archived() != archived) {
      event.archive(archived, clock.instant());
      audit.record(actor, archived ? "event-archive" : "event-unarchive", "event:" + id, ip, null);
    }
    return event;
  }

  /**
   * Deletes the event with its codes and viewer sessions (the database cascades), once the caller
   * has typed its exact title. The event is deactivated first, so media servers refuse the tokens
   * its viewers still hold.
   */
  public void delete(String id, String confirmedTitle, String actor, String ip) {
    Event event = find(id);
    if (confirmedTitle == null || !confirmedTitle.equals(event.title())) {
      throw new BadRequestException(
          "To delete an event, confirm it with its exact title in X-Confirm-Delete.");
    }
    revocations.deactivateEvent(id, actor, ip);
    long codes =
        em.createNamedQuery(AccessCode.COUNT_OF_EVENT, Long.class)
            .setParameter("eventId", id)
            .getSingleResult();
    em.createNamedQuery(Event.DELETE).setParameter("id", id).executeUpdate();
    audit.record(
        actor, "event-delete", "event:" + id, ip, "title=" + event.title() + " codes=" + codes);
  }

  public Event find(String id) {
    Event event = id == null ? null : em.find(Event.class, id);
    if (event == null) {
      throw UnknownTargetException.event();
    }
    return event;
  }

  /**
   * {@code count} new codes for the event, expiring when its access window closes. Codes are random
   * over 62^12; a clash with an existing one is generated again.
   */
  public List<AccessCode> generate(
      String eventId, int count, String label, String actor, String ip) {
    if (count < 1 || count > Spec.MAX_BATCH_CODES) {
      throw new BadRequestException("Count must be between 1 and " + Spec.MAX_BATCH_CODES + ".");
    }
    String cleanLabel = label == null || label.isBlank() ? null : label.strip();
    if (cleanLabel != null && cleanLabel.length() > MAX_LABEL) {
      throw new BadRequestException("Label must have at most " + MAX_LABEL + " characters.");
    }
    Event event = find(eventId);
    Instant now = clock.instant();
    List<AccessCode> created = new ArrayList<>(count);
    while (created.size() < count) {
      Set<String> candidates = new HashSet<>();
      while (candidates.size() < count - created.size()) {
        candidates.add(codec.generate());
      }
      // One query for the whole batch; a clash (one in 62^12 per pair) is simply drawn again.
      List<String> taken =
          em.createNamedQuery(AccessCode.EXISTING, String.class)
              .setParameter("ids", candidates)
              .getResultList();
      candidates.removeAll(taken);
      for (String code : candidates) {
        AccessCode accessCode = new AccessCode(code, event, cleanLabel, now);
        em.persist(accessCode);
        created.add(accessCode);
      }
    }
    audit.record(actor, "codes-generate", "event:" + eventId, ip, "count=" + count);
    return created;
  }
}

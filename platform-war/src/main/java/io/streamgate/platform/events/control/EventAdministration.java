package io.streamgate.platform.events.control;

import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.ConflictException;
import io.streamgate.platform.refusal.control.UnknownTargetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Creates, changes and deletes events, each with an audit entry. */
@ApplicationScoped
@Transactional
public class EventAdministration {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  @Inject EventCodes codes;

  @Inject jakarta.enterprise.event.Event<EventDeleting> deleting;

  @Inject jakarta.enterprise.event.Event<EventSourceChanged> sourceChanges;

  public Event create(EventDraft draft, String actor, String ip) {
    Instant now = clock.instant();
    Event event =
        new Event(draft.title(), draft.startsAt(), draft.endsAt(), draft.accessWindowHours(), now);
    event.present(
        draft.description(), draft.streamUrl(), draft.entryPlaylist(), draft.posterUrl(), now);
    event.list(Boolean.TRUE.equals(draft.listed()), now);
    if (draft.embedOrigins() != null) {
      event.allowEmbedding(EmbedOrigins.column(draft.embedOrigins()), now);
    }
    em.persist(event);
    announceSource(event, null);
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
    String sourceBefore = event.sourceFolder().orElse(null);
    Instant now = clock.instant();
    event.reschedule(
        draft.title(), draft.startsAt(), draft.endsAt(), draft.accessWindowHours(), now);
    event.present(
        draft.description(), draft.streamUrl(), draft.entryPlaylist(), draft.posterUrl(), now);
    if (draft.listed() != null) {
      event.list(draft.listed(), now);
    }
    if (draft.embedOrigins() != null) {
      event.allowEmbedding(EmbedOrigins.column(draft.embedOrigins()), now);
    }
    if (!event.accessEndsAt().equals(accessEnded)) {
      codes.expireAt(id, event.accessEndsAt());
    }
    announceSource(event, sourceBefore);
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
    deleting.fire(new EventDeleting(id, actor, ip));
    long codes = this.codes.total(id);
    em.createNamedQuery(Event.DELETE).setParameter("id", id).executeUpdate();
    audit.record(
        actor, "event-delete", "event:" + id, ip, "title=" + event.title() + " codes=" + codes);
  }

  private void announceSource(Event event, String before) {
    String after = event.sourceFolder().orElse(null);
    if (!Objects.equals(before, after)) {
      sourceChanges.fire(new EventSourceChanged(event.id(), before, after));
    }
  }

  public Event find(String id) {
    Event event = id == null ? null : em.find(Event.class, id);
    if (event == null) {
      throw UnknownTargetException.event();
    }
    return event;
  }
}

package io.streamgate.platform.events.control;

import io.streamgate.platform.events.entity.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Read access to events for the viewer portal. */
@ApplicationScoped
public class EventCatalog {

  /** What the portal shows of an event. */
  public record EventTeaser(String title, String description, Instant startsAt, Instant endsAt) {}

  /** What the embed page shows of an event, and which sites may frame it. */
  public record EmbeddedEvent(String id, String title, List<String> origins) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /** Active, unarchived events whose access window is still open, soonest first. */
  public List<EventTeaser> upcomingAndCurrent() {
    Instant now = clock.instant();
    return em.createNamedQuery(Event.VISIBLE, Event.class).getResultList().stream()
        .filter(event -> event.accessEndsAt().isAfter(now))
        .map(e -> new EventTeaser(e.title(), e.description(), e.startsAt(), e.endsAt()))
        .toList();
  }

  /**
   * The event {@code id} names, for its embed page, if there is one; deactivated and archived
   * events included (their codes are refused with the usual messages).
   */
  public Optional<EmbeddedEvent> embedded(String id) {
    return Optional.ofNullable(em.find(Event.class, id))
        .map(e -> new EmbeddedEvent(e.id(), e.title(), EmbedOrigins.stored(e.embedOrigins())));
  }
}

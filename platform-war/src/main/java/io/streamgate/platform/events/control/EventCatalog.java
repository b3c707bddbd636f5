package io.streamgate.platform.events.control;

import io.streamgate.platform.events.entity.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Read access to events for the viewer portal. */
@ApplicationScoped
public class EventCatalog {

  /** What the portal shows of an event. */
  public record EventTeaser(String title, String description, Instant startsAt, Instant endsAt) {}

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
}

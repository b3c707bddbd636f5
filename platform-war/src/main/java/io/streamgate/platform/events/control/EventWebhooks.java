package io.streamgate.platform.events.control;

import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.webhooks.control.WebhookOutbox;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What webhooks say about events: {@code event.deactivated} when an admin closes one, and {@code
 * event.live} / {@code event.ended} when its schedule starts and ends. Every member looks every
 * five seconds ({@link EventPhaseTimer}); a conditional UPDATE of the event's announced phase
 * decides which one announces. Events that ended more than {@link #LOOK_BACK} ago are left alone,
 * so that an endpoint registered today does not hear about last month.
 */
@ApplicationScoped
public class EventWebhooks {

  static final Duration LOOK_BACK = Duration.ofMinutes(10);

  static final String LIVE = "live";
  static final String ENDED = "ended";

  @PersistenceContext EntityManager em;

  @Inject WebhookOutbox outbox;

  @Inject Clock clock;

  /** Reports {@code type} about {@code event}, in the caller's transaction. */
  public void publish(WebhookType type, Event event, Instant at) {
    if (!outbox.wanted(type)) {
      return;
    }
    outbox.publish(
        type,
        Json.createObjectBuilder()
            .add("eventId", event.id())
            .add("title", event.title())
            .add("startsAt", event.startsAt().toString())
            .add("endsAt", event.endsAt().toString())
            .add("at", at.toString())
            .build(),
        null);
  }

  /** Announces the phases reached since the last look ({@link EventPhaseTimer}). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void announcePhases() {
    if (!outbox.wanted(WebhookType.EVENT_LIVE) && !outbox.wanted(WebhookType.EVENT_ENDED)) {
      return;
    }
    Instant now = clock.instant();
    for (Object[] row :
        em.createNamedQuery(Event.ON_SCHEDULE, Object[].class)
            .setParameter("now", now)
            .setParameter("endedSince", now.minus(LOOK_BACK))
            .getResultList()) {
      String phase = now.isBefore((Instant) row[1]) ? LIVE : ENDED;
      if (!phase.equals(row[2])
          && em.createNamedQuery(Event.ANNOUNCE)
                  .setParameter("id", row[0])
                  .setParameter("phase", phase)
                  .executeUpdate()
              == 1) {
        Event event = em.find(Event.class, row[0]);
        publish(
            phase.equals(LIVE) ? WebhookType.EVENT_LIVE : WebhookType.EVENT_ENDED,
            event,
            phase.equals(LIVE) ? event.startsAt() : event.endsAt());
      }
    }
  }
}

package io.streamgate.platform.analytics.control;

import io.streamgate.platform.analytics.entity.ViewingFigures;
import io.streamgate.platform.analytics.entity.ViewingRecord;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;

/** An event's audience figures, computed from its viewing records when asked (live or after). */
@ApplicationScoped
public class AudienceAnalytics {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject PlatformSettings settings;

  /** The figures of an event known to exist. */
  public Audience of(String eventId) {
    return AudienceFigures.of(
        eventId,
        em.createNamedQuery(ViewingRecord.OF_EVENT, ViewingFigures.class)
            .setParameter("eventId", eventId)
            .getResultList(),
        count(AccessCode.COUNT_OF_EVENT, eventId),
        count(AccessCode.REDEEMED_COUNT_OF_EVENT, eventId),
        clock.instant(),
        Duration.ofSeconds(settings.sessionTimeoutSeconds()));
  }

  private long count(String query, String eventId) {
    return em.createNamedQuery(query, Long.class)
        .setParameter("eventId", eventId)
        .getSingleResult();
  }
}

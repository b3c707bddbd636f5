package io.streamgate.platform.codes.control;

import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.control.EventCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The codes of events, as events see them (see {@link EventCodes}). */
@ApplicationScoped
public class CodesOfEvents implements EventCodes {

  @PersistenceContext EntityManager em;

  @Inject CodeQueries queries;

  @Override
  public StatusCounts counts(String eventId) {
    return queries.counts(eventId);
  }

  @Override
  public Map<String, Long> totals(List<String> eventIds) {
    return queries.countsOf(eventIds);
  }

  @Override
  public long total(String eventId) {
    return em.createNamedQuery(AccessCode.COUNT_OF_EVENT, Long.class)
        .setParameter("eventId", eventId)
        .getSingleResult();
  }

  @Override
  public void expireAt(String eventId, Instant expiresAt) {
    em.createNamedQuery(AccessCode.EXPIRE_OF_EVENT)
        .setParameter("eventId", eventId)
        .setParameter("expiresAt", expiresAt)
        .executeUpdate();
  }
}

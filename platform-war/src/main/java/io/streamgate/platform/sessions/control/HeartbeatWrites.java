package io.streamgate.platform.sessions.control;

import io.streamgate.platform.analytics.control.ViewingRecords;
import io.streamgate.platform.sessions.entity.ViewerSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One transaction for the heartbeats of many sessions (see {@link ViewerSessions#heartbeat}). */
@ApplicationScoped
public class HeartbeatWrites {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject ViewingRecords records;

  /**
   * Moves the last heartbeat of these sessions to now and answers the ids that exist. The rows the
   * UPDATE touched stay locked until the commit and a session id is never given to another row, so
   * the ids read afterwards are exactly those updated.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Set<String> touch(List<String> sessionIds) {
    Set<String> asked = new HashSet<>(sessionIds);
    Instant now = clock.instant();
    int updated =
        em.createNamedQuery(ViewerSession.HEARTBEAT)
            .setParameter("now", now)
            .setParameter("sids", asked)
            .executeUpdate();
    Set<String> live =
        updated == asked.size()
            ? asked
            : new HashSet<>(
                em.createNamedQuery(ViewerSession.SESSION_IDS, String.class)
                    .setParameter("sids", asked)
                    .getResultList());
    // Only the sessions that still hold their code watched on: a gone one's record keeps its end.
    if (!live.isEmpty()) {
      records.seen(live, now);
    }
    return live;
  }
}

package io.streamgate.platform.revocation.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.revocation.entity.AccessChange;
import io.streamgate.platform.sessions.control.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Logs every ended session (released, taken over, ended by an admin) in the access-change log, in
 * the transaction that ends it, so that media servers outside the data grid learn it from the feed
 * and refuse its tokens: without it, take-over every {@code SESSION_TIMEOUT_SECONDS} would let one
 * code feed many devices through an edge server. Rows older than any token they could refuse are
 * deleted, at most once a minute.
 */
@ApplicationScoped
public class EndedSessions {

  static final Duration FORGET_EVERY = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  private final AtomicReference<Instant> forgotAt = new AtomicReference<>(Instant.EPOCH);

  @Transactional
  void ended(@Observes SessionEnded ended) {
    Instant now = clock.instant();
    em.persist(AccessChange.sessionEnded(ended.sessionId(), now));
    Instant last = forgotAt.get();
    if (!now.isBefore(last.plus(FORGET_EVERY)) && forgotAt.compareAndSet(last, now)) {
      em.createNamedQuery(AccessChange.FORGET_SESSIONS)
          .setParameter("sessionEnded", AccessChange.Kind.SESSION_ENDED)
          .setParameter("before", now.minus(Spec.TOKEN_REACH))
          .executeUpdate();
    }
  }
}

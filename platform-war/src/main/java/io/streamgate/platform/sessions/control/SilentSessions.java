package io.streamgate.platform.sessions.control;

import io.streamgate.platform.analytics.entity.EndReason;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.sessions.entity.ViewerSession;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reports sessions that fell silent: an audit entry ({@code session-timeout}, with the session id
 * and its last heartbeat) and, while some endpoint wants it, a webhook ({@code session.ended},
 * reason {@code timed_out}). Every member looks every five seconds ({@link SilentSessionTimer}),
 * and a conditional UPDATE decides which of them reports each session. The row stays (the code's
 * next device takes it over, which then reports nothing more); a session that speaks again later is
 * not reported a second time. Sessions silent for longer than {@link #LOOK_BACK} are left alone, so
 * that an endpoint registered today does not hear about last month.
 */
@ApplicationScoped
public class SilentSessions {

  static final Duration LOOK_BACK = Duration.ofMinutes(10);

  static final int AT_MOST = 500;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject SessionPolicy policy;

  @Inject SessionWebhooks webhooks;

  @Inject AuditTrail audit;

  /** Reports the sessions that fell silent since the last look ({@link SilentSessionTimer}). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void report() {
    boolean webhook = webhooks.wanted(WebhookType.SESSION_ENDED);
    Instant now = clock.instant();
    Instant silentSince = now.minus(policy.timeout());
    for (ViewerSession session :
        em.createNamedQuery(ViewerSession.SILENT, ViewerSession.class)
            .setParameter("silentSince", silentSince)
            .setParameter("notBefore", silentSince.minus(LOOK_BACK))
            .setMaxResults(AT_MOST)
            .getResultList()) {
      int won =
          em.createNamedQuery(ViewerSession.REPORT_END)
              .setParameter("id", session.id())
              .setParameter("silentSince", silentSince)
              .executeUpdate();
      if (won == 0) {
        continue;
      }
      audit.record(
          AuditTrail.PLATFORM,
          "session-timeout",
          AuditTrail.hashed(session.accessCode().code()),
          session.clientIp(),
          AuditTrail.session(session.sessionId()) + ", last heartbeat " + session.lastHeartbeat());
      if (webhook) {
        webhooks.ended(
            session.accessCode(),
            session.sessionId(),
            EndReason.TIMED_OUT,
            session.lastHeartbeat().plus(policy.timeout()));
      }
    }
  }
}

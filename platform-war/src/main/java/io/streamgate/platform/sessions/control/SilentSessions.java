package io.streamgate.platform.sessions.control;

import io.streamgate.platform.sessions.entity.ViewerSession;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports sessions that fell silent ({@code session.ended}, reason {@code timed_out}) while some
 * endpoint wants it: every member looks every five seconds, and a conditional UPDATE decides which
 * of them reports each session. The row stays (the code's next device takes it over, which then
 * reports nothing more); a session that speaks again later is not reported a second time. Sessions
 * silent for longer than {@link #LOOK_BACK} are left alone, so that an endpoint registered today
 * does not hear about last month.
 */
@Singleton
public class SilentSessions {

  private static final Logger LOG = Logger.getLogger(SilentSessions.class.getName());

  static final Duration LOOK_BACK = Duration.ofMinutes(10);

  static final int AT_MOST = 500;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject SessionPolicy policy;

  @Inject SessionWebhooks webhooks;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  void look() {
    try {
      if (!webhooks.wanted(WebhookType.SESSION_ENDED)) {
        return;
      }
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
        if (won == 1) {
          webhooks.ended(
              session.accessCode(),
              session.sessionId(),
              SessionWebhooks.Reason.TIMED_OUT,
              session.lastHeartbeat().plus(policy.timeout()));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "silent sessions not looked at", e);
    }
  }
}

package io.streamgate.platform.analytics.control;

import io.streamgate.common.grid.DeliveryReport;
import io.streamgate.platform.analytics.entity.EndReason;
import io.streamgate.platform.analytics.entity.QualityReport;
import io.streamgate.platform.analytics.entity.ViewingRecord;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Writes the viewing records as sessions start, speak and end, in the caller's transaction, and
 * clears their personal details after the retention period.
 */
@ApplicationScoped
public class ViewingRecords {

  /** A session's quality reports are taken at most this often; one sooner is ignored. */
  public static final Duration REPORT_SPACING = Duration.ofSeconds(10);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject PlatformSettings settings;

  /** A session started (a redeem, or a take-over under a new session id). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void started(
      String sessionId, String eventId, String clientIp, String userAgent, Instant at) {
    em.persist(new ViewingRecord(sessionId, eventId, clientIp, userAgent, at));
  }

  /** These sessions sent a heartbeat now. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void seen(Collection<String> sessionIds, Instant now) {
    em.createNamedQuery(ViewingRecord.SEEN)
        .setParameter("now", now)
        .setParameter("sids", sessionIds)
        .executeUpdate();
  }

  /** The session ended; a record already closed keeps its first end. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void ended(String sessionId, EndReason reason, Instant at) {
    em.createNamedQuery(ViewingRecord.END)
        .setParameter("sid", sessionId)
        .setParameter("reason", reason.wire())
        .setParameter("at", at)
        .executeUpdate();
  }

  /**
   * The player's report on its own session, sent with a heartbeat the session passed. A record that
   * is gone (its event deleted) takes nothing.
   */
  @Transactional
  public void report(String sessionId, QualityReport report) {
    ViewingRecord record = em.find(ViewingRecord.class, sessionId, LockModeType.PESSIMISTIC_WRITE);
    if (record != null) {
      record.report(report, clock.instant(), REPORT_SPACING);
    }
  }

  /**
   * Adds what media servers saw of these sessions' delivery. A report names its session's event as
   * the token it was served with did; a record of another event is left alone.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void delivered(List<DeliveryReport> reports) {
    for (DeliveryReport report : reports) {
      ViewingRecord record =
          em.find(ViewingRecord.class, report.sessionId(), LockModeType.PESSIMISTIC_WRITE);
      if (record != null && record.eventId().equals(report.eventId())) {
        record.delivered(report.segments(), report.throughputKbps(), report.starvations());
      }
    }
  }

  /** Clears the personal details of records older than the retention period; answers how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int purge() {
    return em.createNamedQuery(ViewingRecord.PURGE)
        .setParameter(
            "before", clock.instant().minus(Duration.ofDays(settings.analyticsRetentionDays())))
        .executeUpdate();
  }
}

package io.streamgate.platform.analytics.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour, viewing records older than {@code ANALYTICS_RETENTION_DAYS} lose their personal
 * details. Every platform member does it; the UPDATE is the same for all of them.
 */
@Singleton
public class ViewingRecordPurge {

  private static final Logger LOG = Logger.getLogger(ViewingRecordPurge.class.getName());

  @Inject ViewingRecords records;

  @Schedule(hour = "*", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void purge() {
    try {
      int cleared = records.purge();
      if (cleared > 0) {
        LOG.log(Level.INFO, "Cleared the personal details of {0} viewing records", cleared);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Viewing records not purged now; the next hour tries again", e);
    }
  }
}

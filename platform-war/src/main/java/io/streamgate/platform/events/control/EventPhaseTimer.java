package io.streamgate.platform.events.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, the events whose schedule started or ended are announced ({@link
 * EventWebhooks}), in a transaction of their own: with the database away, the look fails quietly
 * and the next one tries again.
 */
@Singleton
public class EventPhaseTimer {

  private static final Logger LOG = Logger.getLogger(EventPhaseTimer.class.getName());

  @Inject EventWebhooks webhooks;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void look() {
    try {
      webhooks.announcePhases();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "event phases not looked at", e);
    }
  }
}

package io.streamgate.platform.sessions.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, sessions that fell silent are reported ({@link SilentSessions}), in a
 * transaction of their own: with the database away, the look fails quietly and the next one tries
 * again.
 */
@Singleton
public class SilentSessionTimer {

  private static final Logger LOG = Logger.getLogger(SilentSessionTimer.class.getName());

  @Inject SilentSessions sessions;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void look() {
    try {
      sessions.report();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "silent sessions not looked at", e);
    }
  }
}

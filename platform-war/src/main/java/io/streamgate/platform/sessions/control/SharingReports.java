package io.streamgate.platform.sessions.control;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import io.streamgate.common.grid.SharingReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears the media servers' token-sharing reports ({@link SharingReport#MAP} in the data grid) and
 * has {@link ViewerSessions} end or flag each reported session, so that the usual paths follow: the
 * ended session goes to the grid's access view (every media member refuses it), the audit trail
 * records it, the heartbeat says why. Every platform member hears every report; the database makes
 * one of them act. Reports written while no platform member listened are read at start.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class SharingReports {

  private static final Logger LOG = Logger.getLogger(SharingReports.class.getName());

  @Inject HazelcastInstance grid;

  @Inject ViewerSessions sessions;

  @Resource ManagedExecutorService executor;

  private IMap<String, String> reports;
  private UUID listener;

  @PostConstruct
  void follow() {
    reports = grid.getMap(SharingReport.MAP);
    listener =
        reports.addEntryListener(
            (EntryAddedListener<String, String>)
                (EntryEvent<String, String> event) ->
                    // Off the grid's event thread: acting needs a transaction.
                    executor.execute(() -> act(event.getKey(), event.getValue())),
            true);
    for (Map.Entry<String, String> entry : reports.entrySet()) {
      executor.execute(() -> act(entry.getKey(), entry.getValue()));
    }
  }

  @PreDestroy
  void stop() {
    if (grid.getLifecycleService().isRunning()) {
      reports.removeEntryListener(listener);
    }
  }

  private void act(String sessionId, String value) {
    SharingReport.parse(value)
        .ifPresent(
            report -> {
              try {
                if (sessions.sharingReported(sessionId, report)) {
                  LOG.log(
                      Level.INFO,
                      "Token sharing in event {0}: session {1} ({2} clients at once)",
                      new Object[] {
                        report.eventId(),
                        report.action() == SharingReport.Action.END ? "ended" : "flagged",
                        report.clients()
                      });
                }
              } catch (RuntimeException e) {
                // Most often another platform member acted on the same report first.
                LOG.log(Level.FINE, "Token sharing report not acted on here", e);
              }
            });
  }
}

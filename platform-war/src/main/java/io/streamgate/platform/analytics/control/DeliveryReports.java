package io.streamgate.platform.analytics.control;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import io.streamgate.common.grid.DeliveryReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes the media servers' delivery reports ({@link DeliveryReport#MAP} in the data grid) into the
 * sessions' viewing records. Every platform member hears every batch; the one whose {@code remove}
 * returns it adds it, so each batch counts once. Batches written while no platform member listened
 * are taken at start.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class DeliveryReports {

  private static final Logger LOG = Logger.getLogger(DeliveryReports.class.getName());

  /** Records changed in one transaction at most. */
  static final int PER_TRANSACTION = 50;

  @Inject HazelcastInstance grid;

  @Inject ViewingRecords records;

  @Resource ManagedExecutorService executor;

  private IMap<String, String> batches;
  private UUID listener;

  @PostConstruct
  void follow() {
    batches = grid.getMap(DeliveryReport.MAP);
    listener =
        batches.addEntryListener(
            (EntryAddedListener<String, String>)
                (EntryEvent<String, String> event) ->
                    // Off the grid's event thread: adding needs a transaction.
                    executor.execute(() -> take(event.getKey())),
            false);
    for (String key : batches.keySet()) {
      executor.execute(() -> take(key));
    }
  }

  @PreDestroy
  void stop() {
    if (grid.getLifecycleService().isRunning()) {
      batches.removeEntryListener(listener);
    }
  }

  private void take(String key) {
    try {
      String batch = batches.remove(key);
      if (batch == null) {
        return;
      }
      // In session order, as the heartbeats' UPDATE locks rows, and in short transactions, so a
      // batch never holds hundreds of rows that heartbeats wait for.
      List<DeliveryReport> reports = new ArrayList<>(DeliveryReport.parse(batch));
      reports.sort(Comparator.comparing(DeliveryReport::sessionId));
      for (int from = 0; from < reports.size(); from += PER_TRANSACTION) {
        records.delivered(reports.subList(from, Math.min(reports.size(), from + PER_TRANSACTION)));
      }
    } catch (RuntimeException e) {
      // The database away: these figures are lost, the next batches count.
      LOG.log(Level.WARNING, "Delivery figures of the media servers not added", e);
    }
  }
}

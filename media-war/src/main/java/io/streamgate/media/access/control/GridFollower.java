package io.streamgate.media.access.control;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent.LifecycleState;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.MapClearedListener;
import io.streamgate.common.grid.AccessView;
import io.streamgate.media.upstream.control.EventSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link RevocationView} (and {@link EventSources}, the events' own origins) a local copy of
 * the grid's {@link AccessView} map: an entry listener applies every addition and removal as it
 * happens, and the whole map is read once after the listener is in place (and again after a split
 * grid merged), so no change falls in between. Requests never touch the grid. While the grid member
 * runs, the view counts as current.
 */
@ApplicationScoped
public class GridFollower {

  private static final Logger LOG = Logger.getLogger(GridFollower.class.getName());

  @Inject RevocationView view;

  @Inject EventSources sources;

  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private HazelcastInstance grid;
  private IMap<String, Long> map;
  private UUID entryListener;
  private UUID lifecycleListener;
  private ScheduledFuture<?> ticks;

  /** One full read at a time (start, merge and a cleared map can ask at once). */
  private final Object loads = new Object();

  /** Keys changed while a full read runs; guarded by {@code this}. */
  private Set<String> addedDuringLoad;

  private Set<String> removedDuringLoad;

  /** Starts following; called once at start-up in grid mode. */
  public void follow(HazelcastInstance instance) {
    grid = instance;
    map = grid.getMap(AccessView.MAP);
    entryListener = map.addEntryListener(new Changes(), false);
    lifecycleListener =
        grid.getLifecycleService()
            .addLifecycleListener(
                event -> {
                  if (event.getState() == LifecycleState.MERGED) {
                    scheduler.execute(this::load);
                  }
                });
    load();
    ticks =
        scheduler.scheduleAtFixedRate(
            () -> {
              if (grid.getLifecycleService().isRunning()) {
                view.synced(clock.instant());
              }
            },
            1,
            1,
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (ticks != null) {
      ticks.cancel(false);
    }
    if (grid != null && grid.getLifecycleService().isRunning()) {
      map.removeEntryListener(entryListener);
      grid.getLifecycleService().removeLifecycleListener(lifecycleListener);
    }
  }

  /**
   * Reads the whole map and makes the local view equal to it, minding changes that race the read.
   */
  void load() {
    synchronized (loads) {
      loadOnce();
    }
  }

  private void loadOnce() {
    try {
      synchronized (this) {
        addedDuringLoad = new HashSet<>();
        removedDuringLoad = new HashSet<>();
      }
      Set<String> snapshot = new HashSet<>(map.keySet());
      synchronized (this) {
        snapshot.removeAll(removedDuringLoad);
        snapshot.addAll(addedDuringLoad);
        view.replaceWith(snapshot);
        sources.replaceWith(snapshot);
        addedDuringLoad = null;
        removedDuringLoad = null;
      }
      view.synced(clock.instant());
      LOG.log(Level.INFO, "Access view loaded from the data grid: {0} entries", view.size());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Access view not loaded from the data grid; keeping the last one", e);
      synchronized (this) {
        addedDuringLoad = null;
        removedDuringLoad = null;
      }
    }
  }

  /** Under the lock, so a full read cannot replace the view between the change and its record. */
  private synchronized void added(String key) {
    view.add(key);
    sources.add(key);
    if (addedDuringLoad != null) {
      addedDuringLoad.add(key);
      removedDuringLoad.remove(key);
    }
  }

  private synchronized void removed(String key) {
    view.remove(key);
    sources.remove(key);
    if (removedDuringLoad != null) {
      removedDuringLoad.add(key);
      addedDuringLoad.remove(key);
    }
  }

  /** Hazelcast calls these on its event threads, in order per key. */
  private final class Changes
      implements EntryAddedListener<String, Long>,
          EntryRemovedListener<String, Long>,
          EntryExpiredListener<String, Long>,
          EntryEvictedListener<String, Long>,
          MapClearedListener {

    @Override
    public void entryAdded(EntryEvent<String, Long> event) {
      added(event.getKey());
    }

    @Override
    public void entryRemoved(EntryEvent<String, Long> event) {
      removed(event.getKey());
    }

    @Override
    public void entryExpired(EntryEvent<String, Long> event) {
      removed(event.getKey());
    }

    @Override
    public void entryEvicted(EntryEvent<String, Long> event) {
      removed(event.getKey());
    }

    @Override
    public void mapCleared(MapEvent event) {
      scheduler.execute(GridFollower.this::load);
    }
  }
}

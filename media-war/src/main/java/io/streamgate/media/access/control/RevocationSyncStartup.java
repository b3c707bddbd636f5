package io.streamgate.media.access.control;

import com.hazelcast.core.HazelcastInstance;
import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.settings.entity.RevocationSync;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Chooses how the revocation view is kept current ({@link RevocationSync}) and starts it. */
@ApplicationScoped
public class RevocationSyncStartup {

  @Inject Instance<HazelcastInstance> grid;

  @Inject GridFollower follower;

  @Inject RevocationPoller poller;

  @Inject MediaSettings settings;

  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    try {
      follow();
    } catch (IllegalStateException | IllegalArgumentException e) {
      // One line that says what to fix, before the container's stack trace.
      System.getLogger(RevocationSyncStartup.class.getName())
          .log(System.Logger.Level.ERROR, e.getMessage());
      throw e;
    }
  }

  private void follow() {
    HazelcastInstance instance = grid.isResolvable() ? grid.get() : null;
    boolean gridRunning = instance != null && instance.getLifecycleService().isRunning();
    switch (settings.revocationSync(gridRunning)) {
      case GRID -> {
        if (!gridRunning) {
          throw new IllegalStateException(
              "REVOCATION_SYNC=grid needs the data grid; start without --nohazelcast or use poll");
        }
        follower.follow(instance);
      }
      case POLL ->
          poller.start(
              settings.platformAppUrl().orElse(null), settings.internalApiKey().orElse(null));
    }
  }
}

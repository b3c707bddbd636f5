package io.streamgate.media.access.control;

import com.hazelcast.core.HazelcastInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Chooses how the revocation view is kept current ({@link RevocationSync}) and starts it. */
@ApplicationScoped
public class RevocationSyncStartup {

  @Inject Instance<HazelcastInstance> grid;

  @Inject GridFollower follower;

  @Inject RevocationPoller poller;

  @Inject
  @ConfigProperty(name = "REVOCATION_SYNC")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "PLATFORM_APP_URL")
  Optional<String> platform;

  @Inject
  @ConfigProperty(name = "INTERNAL_API_KEY")
  Optional<String> internalApiKey;

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
    switch (RevocationSync.of(configured.orElse(null), gridRunning)) {
      case GRID -> {
        if (!gridRunning) {
          throw new IllegalStateException(
              "REVOCATION_SYNC=grid needs the data grid; start without --nohazelcast or use poll");
        }
        follower.follow(instance);
      }
      case POLL -> poller.start(platform.orElse(null), internalApiKey.orElse(null));
    }
  }
}

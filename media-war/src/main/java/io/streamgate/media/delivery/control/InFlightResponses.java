package io.streamgate.media.delivery.control;

import io.streamgate.common.lifecycle.InFlight;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Counts the stream responses under way, so that stopping the media server (SIGTERM, undeploy) lets
 * them finish - a viewer's segment arrives whole - for up to {@code SHUTDOWN_GRACE_SECONDS}.
 */
@ApplicationScoped
public class InFlightResponses extends InFlight {

  private Duration grace;

  @Inject
  void configure(MediaSettings settings) {
    grace = Duration.ofSeconds(settings.shutdownGraceSeconds());
  }

  /** Waits until no response is under way, or the grace period is over; answers how many are. */
  public int awaitNone() {
    return awaitNone(grace);
  }
}

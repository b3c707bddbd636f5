package io.streamgate.media.delivery.control;

import io.streamgate.common.lifecycle.StopSignal;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Stops the server gently on SIGTERM (Ctrl-C in the launcher, {@code docker stop}, systemd,
 * Kubernetes): readiness turns DOWN so that load balancers send no more viewers, the responses
 * under way finish (up to {@code SHUTDOWN_GRACE_SECONDS}), and only then does the JVM exit (see
 * {@link StopSignal}). Payara's own shutdown closes every connection at once, which would cut
 * segments in half. {@code SHUTDOWN_GRACE_SECONDS=0} leaves TERM alone.
 */
@ApplicationScoped
public class GracefulStop {

  private static final System.Logger LOG = System.getLogger(GracefulStop.class.getName());

  @Inject InFlightResponses inFlight;

  @Inject MediaSettings settings;

  private final StopSignal signal = new StopSignal();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.shutdownGraceSeconds() > 0) {
      signal.install("streamgate-media-graceful-stop", this::drain);
    }
  }

  @PreDestroy
  void restore() {
    signal.restore();
  }

  /** True once a stop has begun: the server no longer wants new viewers. */
  public boolean stopping() {
    return signal.stopping();
  }

  private void drain() {
    int underWay = inFlight.count();
    int unfinished = inFlight.awaitNone();
    LOG.log(
        System.Logger.Level.INFO,
        "Stopping: waited for {0} stream response(s) under way; {1} cut off by the end of the"
            + " grace period",
        underWay,
        unfinished);
  }
}

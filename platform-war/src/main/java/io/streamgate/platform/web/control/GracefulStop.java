package io.streamgate.platform.web.control;

import io.streamgate.common.lifecycle.InFlight;
import io.streamgate.common.lifecycle.StopSignal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Stops the platform gently on SIGTERM: from then on every new request is answered with a short 503
 * and {@code Retry-After} (a player heartbeats and refreshes again later, a proxy may ask another
 * platform), the requests under way finish (up to {@link #GRACE}), and only then do the HTTP
 * listener close and the server shut down (see {@link StopSignal}). Without it, requests that came
 * during Payara's shutdown got the container's own 500 and 503 pages, one naming a servlet class
 * (bench/audience.sh, a platform restart).
 */
@ApplicationScoped
public class GracefulStop {

  /** The longest the requests under way get; the platform's answer in milliseconds. */
  static final Duration GRACE = Duration.ofSeconds(10);

  private static final System.Logger LOG = System.getLogger(GracefulStop.class.getName());

  private final StopSignal signal = new StopSignal();

  private final InFlight inFlight = new InFlight();

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    signal.install("streamgate-platform-graceful-stop", this::drain);
  }

  @PreDestroy
  void restore() {
    signal.restore();
  }

  /** True once a stop has begun: new requests are refused. */
  public boolean stopping() {
    return signal.stopping();
  }

  /** The requests under way, counted by the filter in front of every request. */
  public InFlight requests() {
    return inFlight;
  }

  private void drain() {
    int underWay = inFlight.count();
    int unfinished = inFlight.awaitNone(GRACE);
    LOG.log(
        System.Logger.Level.INFO,
        "Stopping: new requests answered 503; waited for {0} request(s) under way, {1} cut off",
        underWay,
        unfinished);
  }
}

package io.streamgate.media.delivery.control;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Stops the server gently on SIGTERM (Ctrl-C in the launcher, {@code docker stop}, systemd,
 * Kubernetes): readiness turns DOWN so that load balancers send no more viewers, the responses
 * under way finish (up to {@code SHUTDOWN_GRACE_SECONDS}), and only then does the JVM exit.
 * Payara's own shutdown closes every connection at once, which would cut segments in half.
 *
 * <p>Replacing the process's TERM handler is the only hook that runs before the JVM's shutdown
 * hooks; it is put back when the application is undeployed. {@code SHUTDOWN_GRACE_SECONDS=0} leaves
 * TERM alone.
 */
@ApplicationScoped
public class GracefulStop {

  private static final System.Logger LOG = System.getLogger(GracefulStop.class.getName());
  private static final Signal TERM = new Signal("TERM");
  private static final int EXIT_ON_TERM = 128 + 15;

  @Inject InFlightResponses inFlight;

  @Inject MediaSettings settings;

  private volatile boolean stopping;
  private SignalHandler previous;
  private ClassLoader application;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.shutdownGraceSeconds() > 0) {
      // The signal arrives on a JVM thread that knows no application: remember ours.
      application = Thread.currentThread().getContextClassLoader();
      previous = Signal.handle(TERM, this::onTerm);
    }
  }

  @PreDestroy
  void restore() {
    if (previous != null) {
      Signal.handle(TERM, previous);
    }
  }

  /** True once a stop has begun: the server no longer wants new viewers. */
  public boolean stopping() {
    return stopping;
  }

  /** What TERM would have done without us: the JVM's shutdown, with Payara's hooks. */
  private void exit(Signal signal) {
    if (previous != null
        && previous != SignalHandler.SIG_DFL
        && previous != SignalHandler.SIG_IGN) {
      previous.handle(signal);
    } else {
      System.exit(EXIT_ON_TERM);
    }
  }

  private void onTerm(Signal signal) {
    if (stopping) {
      exit(signal); // a second TERM: stop now
      return;
    }
    stopping = true;
    Thread drain =
        new Thread(
            () -> {
              try {
                int underWay = inFlight.count();
                int unfinished = inFlight.awaitNone();
                LOG.log(
                    System.Logger.Level.INFO,
                    "Stopping: waited for {0} stream response(s) under way; {1} cut off by the end of the"
                        + " grace period",
                    underWay,
                    unfinished);
              } finally {
                exit(signal);
              }
            },
            "streamgate-graceful-stop");
    drain.setContextClassLoader(application);
    drain.setDaemon(false);
    drain.start();
  }
}

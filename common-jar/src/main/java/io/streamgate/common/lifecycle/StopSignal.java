package io.streamgate.common.lifecycle;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * An application's part in stopping the server on SIGTERM (Ctrl-C in the launcher, {@code docker
 * stop}, systemd, Kubernetes): the first TERM marks it stopping and runs its drain on a thread of
 * its own, then does what TERM did before: another StreamGate application's drain (two WARs in one
 * server chain their handlers), or, after the last drain, closes Payara Micro's HTTP listener and
 * lets the JVM shut down with Payara's hooks. A second TERM shuts the JVM down at once.
 *
 * <p>Replacing the process's TERM handler is the only hook that runs before the JVM's shutdown
 * hooks. Closing the listener first matters: Payara undeploys the applications while its listener
 * still takes requests, and answered those with the container's own 500 and 503 pages (one naming a
 * servlet class); closed, a client's connection is refused and a proxy asks another server or
 * answers 502. {@link #restore()} puts the previous handler back when the application is undeployed
 * (with two WARs, in the reverse order of their deployment, as a server's shutdown undeploys them).
 */
public final class StopSignal {

  private static final System.Logger LOG = System.getLogger(StopSignal.class.getName());
  private static final Signal TERM = new Signal("TERM");
  private static final int EXIT_ON_TERM = 128 + 15;

  private volatile boolean stopping;
  private volatile SignalHandler previous;

  /**
   * Handles TERM from now on. The drain runs with the calling thread's context class loader: the
   * signal arrives on a JVM thread that knows no application.
   */
  public void install(String threadName, Runnable drain) {
    previous =
        Signal.handle(
            TERM, new Handler(threadName, drain, Thread.currentThread().getContextClassLoader()));
  }

  public void restore() {
    if (previous != null) {
      Signal.handle(TERM, previous);
    }
  }

  /** True once a stop has begun. */
  public boolean stopping() {
    return stopping;
  }

  /**
   * Another application's handler comes next: each WAR carries its own copy of this class, so the
   * handler is known by its class name.
   */
  private boolean chained() {
    return previous != null && previous.getClass().getName().equals(Handler.class.getName());
  }

  /** What TERM would have done without this application. */
  private void exit(Signal signal) {
    if (previous != null
        && previous != SignalHandler.SIG_DFL
        && previous != SignalHandler.SIG_IGN) {
      previous.handle(signal);
    } else {
      System.exit(EXIT_ON_TERM);
    }
  }

  private final class Handler implements SignalHandler {

    private final String threadName;
    private final Runnable drain;
    private final ClassLoader application;

    Handler(String threadName, Runnable drain, ClassLoader application) {
      this.threadName = threadName;
      this.drain = drain;
      this.application = application;
    }

    @Override
    public void handle(Signal signal) {
      if (stopping) {
        // A second TERM: the JVM's shutdown now, past any other application's drain as well.
        Runtime.getRuntime().exit(EXIT_ON_TERM);
        return;
      }
      stopping = true;
      Thread thread =
          new Thread(
              () -> {
                try {
                  drain.run();
                  if (!chained()) {
                    LOG.log(
                        System.Logger.Level.INFO, "Stopping: " + PayaraMicroHttp.closeListener());
                  }
                } finally {
                  exit(signal);
                }
              },
              threadName);
      thread.setContextClassLoader(application);
      thread.setDaemon(false);
      thread.start();
    }
  }
}

package io.streamgate.media.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts the stream responses under way, so that stopping the media server (SIGTERM, undeploy) lets
 * them finish - a viewer's segment arrives whole - for up to {@code SHUTDOWN_GRACE_SECONDS}.
 */
@ApplicationScoped
public class InFlightResponses {

  @Inject
  @ConfigProperty(name = "SHUTDOWN_GRACE_SECONDS", defaultValue = "20")
  int graceSeconds;

  // A lock of its own: synchronized methods would lock the CDI client proxy on one path and the
  // instance on the other, and wait() would hold the proxy's monitor while it waits.
  private final Object lock = new Object();
  private int count;

  public void started() {
    synchronized (lock) {
      count++;
    }
  }

  public void ended() {
    synchronized (lock) {
      count--;
      if (count <= 0) {
        lock.notifyAll();
      }
    }
  }

  public int count() {
    synchronized (lock) {
      return count;
    }
  }

  /**
   * Waits until no response is under way, or the grace period is over; answers how many are still
   * unfinished.
   */
  public int awaitNone() {
    long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, graceSeconds)).toNanos();
    synchronized (lock) {
      try {
        for (long left = deadline - System.nanoTime();
            count > 0 && left > 0;
            left = deadline - System.nanoTime()) {
          lock.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return count;
    }
  }
}

package io.streamgate.media.delivery.control;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the stream responses under way, so that stopping the media server (SIGTERM, undeploy) lets
 * them finish - a viewer's segment arrives whole - for up to {@code SHUTDOWN_GRACE_SECONDS}.
 */
@ApplicationScoped
public class InFlightResponses {

  long graceSeconds;

  @Inject
  void configure(MediaSettings settings) {
    graceSeconds = settings.shutdownGraceSeconds();
  }

  // Counted without a lock on every request; the lock is only taken when the count drops to zero
  // (to wake a stop that waits) and by the waiting stop itself. A lock object of its own:
  // synchronized methods would lock the CDI client proxy on one path and the instance on the other.
  private final AtomicInteger count = new AtomicInteger();
  private final Object idle = new Object();

  public void started() {
    count.incrementAndGet();
  }

  public void ended() {
    if (count.decrementAndGet() <= 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }

  public int count() {
    return count.get();
  }

  /**
   * Waits until no response is under way, or the grace period is over; answers how many are still
   * unfinished.
   */
  public int awaitNone() {
    long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(0, graceSeconds)).toNanos();
    synchronized (idle) {
      try {
        for (long left = deadline - System.nanoTime();
            count.get() > 0 && left > 0;
            left = deadline - System.nanoTime()) {
          idle.wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return count.get();
    }
  }
}

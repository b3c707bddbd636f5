package io.streamgate.common.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests under way, so that a stopping server can let them finish first. Open for a
 * CDI bean to extend (a bean needs a class it can proxy).
 */
public class InFlight {

  // Counted without a lock on every request; the lock is only taken when the count drops to zero
  // (to wake a stop that waits) and by the waiting stop itself.
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

  /** Waits until nothing is under way, or the grace period is over; answers how many still are. */
  public int awaitNone(Duration grace) {
    long deadline = System.nanoTime() + Math.max(0, grace.toNanos());
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

package io.streamgate.common.logging;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets a warning that may repeat thousands of times a second (a refusal under overload) reach the
 * log at most once a second, with how often it happened since it last did.
 */
public final class ThrottledWarning {

  private final AtomicLong loggedSecond = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong unlogged = new AtomicLong();

  /**
   * Counts one occurrence at the given time: answers how many occurrences to log now (this one and
   * those kept back since the last warning), or 0 when the warning stays quiet this second.
   */
  public long occurred(long epochMillis) {
    unlogged.incrementAndGet();
    long second = Math.floorDiv(epochMillis, 1000);
    long last = loggedSecond.get();
    if (second > last && loggedSecond.compareAndSet(last, second)) {
      return unlogged.getAndSet(0);
    }
    return 0;
  }
}

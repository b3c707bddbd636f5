package io.streamgate.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Waits for something the server does in the background (a log line, an eviction, a fetch joined)
 * by checking again every 20 ms, up to a deadline: the wait ends the moment the condition holds,
 * and a condition that never holds fails the test instead of passing it by luck. The opposite, that
 * something the server might do in the background does not happen, is watched for the whole window
 * in which it would have happened ({@link #holdsThroughout}), failing the moment it does.
 */
final class Eventually {

  private Eventually() {}

  static <T> T await(String what, Duration limit, Supplier<Optional<T>> check) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Optional<T> result = check.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  static void await(String what, Duration limit, java.util.function.BooleanSupplier check) {
    await(what, limit, () -> check.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }

  static void holdsThroughout(
      String what, Duration window, java.util.function.BooleanSupplier check) {
    long started = System.nanoTime();
    long end = started + window.toNanos();
    do {
      if (!check.getAsBoolean()) {
        throw new AssertionError(
            "stopped after " + Duration.ofNanos(System.nanoTime() - started) + ": " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    } while (System.nanoTime() < end);
  }
}

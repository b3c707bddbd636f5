package io.streamgate.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Steps taken at a client's own pace (a player fetching segments, a slow sender writing chunks): a
 * scheduler runs each step after the pause the previous one asks for, and the caller waits for the
 * last step with a deadline. The pace is the scenario, never a wait for the server.
 */
final class Cadence {

  /** One step; returns false to stop early. */
  interface Step {
    boolean take(int n) throws Exception;
  }

  private Cadence() {}

  /**
   * Takes steps 0 to {@code steps - 1}, each {@code pauseAfter(n)} after step n, until one returns
   * false; fails when they have not ended within {@code deadline}. A step's exception is thrown
   * here as it was.
   */
  static void run(
      int steps, java.util.function.IntFunction<Duration> pauseAfter, Duration deadline, Step step)
      throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      scheduler.execute(() -> take(scheduler, done, 0, steps, pauseAfter, step));
      done.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError(steps + " steps did not end within " + deadline, e);
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static void take(
      ScheduledExecutorService scheduler,
      CompletableFuture<Void> done,
      int n,
      int steps,
      java.util.function.IntFunction<Duration> pauseAfter,
      Step step) {
    try {
      if (n >= steps || !step.take(n)) {
        done.complete(null);
        return;
      }
      scheduler.schedule(
          () -> take(scheduler, done, n + 1, steps, pauseAfter, step),
          pauseAfter.apply(n).toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (Throwable failure) {
      done.completeExceptionally(failure);
    }
  }
}

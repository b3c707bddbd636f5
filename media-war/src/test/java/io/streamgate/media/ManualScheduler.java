package io.streamgate.media;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A container executor for unit tests that runs nothing on its own: tasks handed to {@code execute}
 * wait until {@link #runQueued()}, periodic ones run once per {@link #runPeriodic()}. So a test
 * decides when background work happens (with a {@link MovableClock}, what time it is then), and
 * never sleeps to let it happen. Other methods are not supported.
 */
public final class ManualScheduler {

  private final List<Runnable> queued = new ArrayList<>();
  private final List<Periodic> periodic = new ArrayList<>();

  /** The executor to hand to the bean under test. */
  public final ManagedScheduledExecutorService executor =
      (ManagedScheduledExecutorService)
          Proxy.newProxyInstance(
              ManualScheduler.class.getClassLoader(),
              new Class<?>[] {ManagedScheduledExecutorService.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "execute" -> {
                      queue((Runnable) args[0]);
                      yield null;
                    }
                    case "scheduleWithFixedDelay", "scheduleAtFixedRate" ->
                        every(
                            (Runnable) args[0],
                            Duration.of((Long) args[2], ((TimeUnit) args[3]).toChronoUnit()));
                    case "toString" -> "ManualScheduler";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  private synchronized void queue(Runnable task) {
    queued.add(task);
  }

  private synchronized ScheduledFuture<?> every(Runnable task, Duration period) {
    Periodic scheduled = new Periodic(task, period);
    periodic.add(scheduled);
    return scheduled;
  }

  /** Runs the tasks handed to {@code execute} so far; answers how many ran. */
  public int runQueued() {
    List<Runnable> now;
    synchronized (this) {
      now = new ArrayList<>(queued);
      queued.clear();
    }
    now.forEach(Runnable::run);
    return now.size();
  }

  /** Runs every periodic task that is not cancelled, once. */
  public void runPeriodic() {
    List<Periodic> now;
    synchronized (this) {
      now = new ArrayList<>(periodic);
    }
    for (Periodic task : now) {
      if (!task.isCancelled()) {
        task.task.run();
      }
    }
  }

  /** Periodic tasks scheduled and not cancelled. */
  public synchronized int periodicTasks() {
    return (int) periodic.stream().filter(task -> !task.isCancelled()).count();
  }

  /** The periods (or delays between runs) of the periodic tasks not cancelled. */
  public synchronized List<Duration> periods() {
    return periodic.stream().filter(task -> !task.isCancelled()).map(task -> task.period).toList();
  }

  private static final class Periodic implements ScheduledFuture<Object> {
    final Runnable task;
    final Duration period;
    private volatile boolean cancelled;

    Periodic(Runnable task, Duration period) {
      this.task = task;
      this.period = period;
    }

    @Override
    public boolean cancel(boolean mayInterrupt) {
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return 0;
    }

    @Override
    public int compareTo(Delayed other) {
      return 0;
    }
  }
}

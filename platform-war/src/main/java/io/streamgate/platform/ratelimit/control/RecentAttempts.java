package io.streamgate.platform.ratelimit.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The times of one key's attempts that still count, oldest first. In the data grid they are kept as
 * epoch milliseconds separated by commas, so that no application class has to be known to other
 * members.
 *
 * @param times epoch milliseconds, oldest first
 */
record RecentAttempts(List<Long> times) {

  RecentAttempts {
    times = List.copyOf(times);
  }

  /** Reads what the grid holds; nothing (no entry yet) is no attempts. */
  static RecentAttempts parse(String stored) {
    if (stored == null || stored.isEmpty()) {
      return new RecentAttempts(List.of());
    }
    List<Long> times = new ArrayList<>();
    for (String time : stored.split(",")) {
      times.add(Long.parseLong(time));
    }
    return new RecentAttempts(times);
  }

  /** The attempts made less than one window before {@code now}. */
  RecentAttempts within(long now, Duration window) {
    long since = now - window.toMillis();
    return new RecentAttempts(times.stream().filter(time -> time > since).toList());
  }

  /**
   * How long until one more attempt is allowed, if the limit is used up: until the attempt that
   * fills the limit leaves the window. Expects only attempts {@link #within} the window.
   */
  Optional<Duration> wait(int limit, long now, Duration window) {
    if (times.size() < limit) {
      return Optional.empty();
    }
    long freedAt = times.get(times.size() - limit) + window.toMillis();
    return Optional.of(Duration.ofMillis(Math.max(0, freedAt - now)));
  }

  RecentAttempts plus(long time) {
    List<Long> more = new ArrayList<>(times);
    more.add(time);
    return new RecentAttempts(more);
  }

  String format() {
    return times.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}

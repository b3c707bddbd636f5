package io.streamgate.platform.ratelimit.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.streamgate.common.Spec.RateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts attempts per key in fixed windows, in a data-grid map shared by every platform instance,
 * so a client cannot multiply its attempts by spreading them over instances. Counters expire with
 * their window. Only plain strings and longs go into the grid, so no application class has to be
 * known to other members.
 */
@ApplicationScoped
public class RateLimits {

  static final String MAP = "streamgate-rate-limits";

  @Inject HazelcastInstance grid;

  @Inject Clock clock;

  private IMap<String, Long> counters;

  @PostConstruct
  void connect() {
    counters = grid.getMap(MAP);
  }

  /**
   * Counts one attempt for the key; throws when the limit for the current window is used up.
   *
   * @param key what is limited, e.g. {@code redeem:203.0.113.7}
   * @param limit the limit; 0 requests means no limit (for load tests), nothing is counted then
   */
  public void acquire(String key, RateLimit limit) {
    if (limit.requests() <= 0) {
      return;
    }
    long now = clock.millis();
    long window = limit.window().toMillis();
    long windowStart = now - Math.floorMod(now, window);
    String counter = key + "@" + windowStart;
    long ttl = window + 1000;
    while (true) {
      Long count = counters.putIfAbsent(counter, 1L, ttl, TimeUnit.MILLISECONDS);
      if (count == null) {
        return;
      }
      if (count >= limit.requests()) {
        throw new RateLimitedException(Duration.ofMillis(windowStart + window - now));
      }
      if (counters.replace(counter, count, count + 1)) {
        return;
      }
    }
  }
}

package io.streamgate.platform.ratelimit.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.streamgate.common.Spec.RateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Limits attempts per key over a sliding window - "5 per minute" means at most 5 in any 60 seconds,
 * not 5 per clock minute (fixed windows let a client make twice the limit across a minute's turn).
 * The attempt times live in a data-grid map shared by every platform instance, so a client cannot
 * multiply its attempts by spreading them over instances; an entry expires one window after its
 * last attempt. Refused attempts are not counted.
 */
@ApplicationScoped
public class RateLimits {

  static final String MAP = "streamgate-rate-limit-attempts";

  @Inject HazelcastInstance grid;

  @Inject Clock clock;

  private IMap<String, String> attempts;

  @PostConstruct
  void connect() {
    attempts = grid.getMap(MAP);
  }

  /**
   * Throws when the key's limit is used up, without counting an attempt: for answers that would
   * tell a client something (a code exists) even once its guesses are used up.
   */
  public void check(String key, RateLimit limit) {
    if (limit.requests() <= 0) {
      return;
    }
    long now = clock.millis();
    RecentAttempts.parse(attempts.get(key))
        .within(now, limit.window())
        .wait(limit.requests(), now, limit.window())
        .ifPresent(
            wait -> {
              throw new RateLimitedException(wait);
            });
  }

  /**
   * Counts one attempt for the key; throws when the limit is used up.
   *
   * @param key what is limited, e.g. {@code redeem:203.0.113.7}
   * @param limit the limit; 0 requests means no limit (for load tests), nothing is counted then
   */
  public void acquire(String key, RateLimit limit) {
    if (limit.requests() <= 0) {
      return;
    }
    long now = clock.millis();
    long ttl = limit.window().toMillis() + 1000;
    while (true) {
      String stored = attempts.get(key);
      RecentAttempts recent = RecentAttempts.parse(stored).within(now, limit.window());
      Optional<Duration> wait = recent.wait(limit.requests(), now, limit.window());
      if (wait.isPresent()) {
        throw new RateLimitedException(wait.get());
      }
      String updated = recent.plus(now).format();
      if (stored == null) {
        if (attempts.putIfAbsent(key, updated, ttl, TimeUnit.MILLISECONDS) == null) {
          return;
        }
      } else if (attempts.replace(key, stored, updated)) {
        attempts.setTtl(key, ttl, TimeUnit.MILLISECONDS);
        return;
      }
    }
  }
}

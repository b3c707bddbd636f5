package io.streamgate.media.cache.control;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Segment caches on a test's folder, configured as the container would, for any test package. */
public final class SegmentCaches {

  private SegmentCaches() {}

  /** A started cache in {@code root} holding up to {@code maxBytes}, files kept up to 72 h. */
  public static SegmentCache started(
      Path root, long maxBytes, Clock clock, ManagedScheduledExecutorService scheduler) {
    return started(root, maxBytes, 72, 10, clock, scheduler);
  }

  /** A started cache with the given age cap and sweep interval, as the settings would give. */
  public static SegmentCache started(
      Path root,
      long maxBytes,
      double maxAgeHours,
      long sweepMinutes,
      Clock clock,
      ManagedScheduledExecutorService scheduler) {
    SegmentCache cache = new SegmentCache();
    cache.rootSetting = Optional.ofNullable(root).map(Path::toString);
    cache.maxSizeGb = maxBytes / (1024.0 * 1024 * 1024);
    cache.maxAgeHours = maxAgeHours;
    cache.sweepMinutes = sweepMinutes;
    cache.clock = clock;
    cache.scheduler = scheduler;
    cache.start();
    return cache;
  }
}

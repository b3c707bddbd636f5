package io.streamgate.platform.analytics.control;

import io.streamgate.platform.analytics.entity.EndReason;
import io.streamgate.platform.analytics.entity.Renditions;
import io.streamgate.platform.analytics.entity.ViewingFigures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes an event's {@link Audience} from its viewing records in one pass plus sorts: linear in
 * the sessions, and in the minutes the event spans.
 */
final class AudienceFigures {

  /** The longest series of minutes shown: 14 days, the latest ones. */
  static final int MAX_MINUTES = 14 * 24 * 60;

  private AudienceFigures() {}

  /**
   * @param timeout a session silent for longer has stopped watching at its last heartbeat; one
   *     heard from within it watches until now
   */
  static Audience of(
      String eventId,
      List<ViewingFigures> records,
      long codesIssued,
      long codesRedeemed,
      Instant now,
      Duration timeout) {
    int n = records.size();
    long[] starts = new long[n];
    long[] ends = new long[n];
    long[] watched = new long[n];
    int[] startups = new int[n];
    int startupCount = 0;
    int[] throughputs = new int[n];
    int throughputCount = 0;
    long starvations = 0;
    long stalledMs = 0;
    long network = 0;
    long media = 0;
    long key = 0;
    long access = 0;
    boolean live = false;
    Set<String> devices = new HashSet<>();
    Map<String, Long> browsers = new TreeMap<>();
    Map<String, Long> reasons = new LinkedHashMap<>();
    Map<String, Long> renditions = new TreeMap<>();
    Instant liveSince = now.minus(timeout);
    for (int i = 0; i < n; i++) {
      ViewingFigures record = records.get(i);
      Instant end = record.endedAt();
      String reason = record.endReason();
      if (end == null) {
        if (record.lastSeenAt().isAfter(liveSince)) {
          live = true;
          end = now;
          reason = null;
        } else {
          end = record.lastSeenAt();
          reason = EndReason.TIMED_OUT.wire();
        }
      }
      starts[i] = record.startedAt().toEpochMilli();
      // The end is exclusive: a session that ends at 18:03:00 was not watching in 18:03.
      ends[i] = Math.max(starts[i], end.toEpochMilli());
      watched[i] = ends[i] - starts[i];
      if (record.startupMs() != null) {
        startups[startupCount++] = record.startupMs();
      }
      stalledMs += record.stalledMs();
      network += record.networkErrors();
      media += record.mediaErrors();
      key += record.keyErrors();
      access += record.accessErrors();
      devices.add(record.deviceKey());
      browsers.merge(record.browser(), 1L, Long::sum);
      reasons.merge(reason == null ? "watching" : reason, 1L, Long::sum);
      Renditions.parse(record.renditions())
          .forEach((name, segments) -> renditions.merge(name, segments, Long::sum));
      starvations += record.starvations();
      if (record.throughputKbps() != null && record.throughputKbps() > 0) {
        throughputs[throughputCount++] = record.throughputKbps();
      }
    }
    long totalWatched = Arrays.stream(watched).sum();
    Arrays.sort(watched);
    int[] sortedStartups = Arrays.copyOf(startups, startupCount);
    Arrays.sort(sortedStartups);
    int[] sortedThroughputs = Arrays.copyOf(throughputs, throughputCount);
    Arrays.sort(sortedThroughputs);
    List<Audience.Minute> minutes = minutes(starts, ends);
    Audience.Peak peak = null;
    for (Audience.Minute minute : minutes) {
      if (peak == null || minute.viewers() > peak.viewers()) {
        peak = new Audience.Peak(minute.minute(), minute.viewers());
      }
    }
    return new Audience(
        eventId,
        now,
        live,
        codesIssued,
        codesRedeemed,
        n,
        devices.size(),
        new Audience.WatchTime(totalWatched / 1000, n == 0 ? 0 : watched[(n - 1) / 2] / 1000),
        new Audience.Startup(
            percentile(sortedStartups, 50), percentile(sortedStartups, 95), startupCount),
        totalWatched == 0 ? 0 : Math.min(1.0, (double) stalledMs / totalWatched),
        starvations,
        percentile(sortedThroughputs, 50),
        new Audience.Errors(network, media, key, access),
        shares(renditions),
        shares(browsers),
        shares(reasons),
        peak,
        minutes);
  }

  /** The minute of a session's last moment (its end is exclusive). */
  private static long lastMinute(long start, long end) {
    return minute(end > start ? end - 1 : end);
  }

  /**
   * Viewers by minute: a session counts in every minute it overlaps. A difference array over the
   * minutes, so the cost is the sessions plus the minutes.
   */
  private static List<Audience.Minute> minutes(long[] starts, long[] ends) {
    if (starts.length == 0) {
      return List.of();
    }
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < starts.length; i++) {
      first = Math.min(first, minute(starts[i]));
      last = Math.max(last, lastMinute(starts[i], ends[i]));
    }
    first = Math.max(first, last - MAX_MINUTES + 1);
    int span = (int) (last - first + 1);
    long[] change = new long[span + 1];
    long[] started = new long[span];
    for (int i = 0; i < starts.length; i++) {
      long to = lastMinute(starts[i], ends[i]);
      if (to < first) {
        continue;
      }
      int from = (int) (Math.max(minute(starts[i]), first) - first);
      change[from]++;
      change[(int) (to - first) + 1]--;
      if (minute(starts[i]) >= first) {
        started[from]++;
      }
    }
    List<Audience.Minute> series = new ArrayList<>(span);
    long viewers = 0;
    for (int m = 0; m < span; m++) {
      viewers += change[m];
      series.add(
          new Audience.Minute(
              Instant.EPOCH.plus(first + m, ChronoUnit.MINUTES), viewers, started[m]));
    }
    return series;
  }

  private static long minute(long epochMilli) {
    return Math.floorDiv(epochMilli, 60_000L);
  }

  /** The nearest-rank percentile of sorted values; null without any. */
  static Integer percentile(int[] sorted, int percent) {
    if (sorted.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static List<Audience.Share> shares(Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    List<Audience.Share> shares = new ArrayList<>(counts.size());
    counts.forEach(
        (name, count) ->
            shares.add(
                new Audience.Share(
                    name,
                    count,
                    total == 0 ? 0 : Math.round(count * 10_000.0 / total) / 10_000.0)));
    shares.sort((a, b) -> Long.compare(b.count(), a.count()));
    return shares;
  }
}

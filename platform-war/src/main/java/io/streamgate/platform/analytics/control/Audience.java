package io.streamgate.platform.analytics.control;

import java.time.Instant;
import java.util.List;

/**
 * An event's audience figures, from its viewing records (JSON of {@code GET
 * /api/admin/events/{id}/analytics} and the console's analytics page).
 *
 * @param live whether some session is watching now (the figures move while it is)
 * @param sessions viewer sessions (a take-over starts a new one)
 * @param uniqueDevices distinct devices (address and browser) among them
 * @param rebufferingRatio time spent stalled over time watched, 0 to 1 (the players' reports)
 * @param bufferStarvations times a player's buffer ran dry (CMCD {@code bs}, as media servers saw)
 * @param throughputKbps the median session's measured throughput (CMCD {@code mtp}); null without
 * @param minutes viewers by minute (UTC), from the first session's start to the last one's end
 */
public record Audience(
    String eventId,
    Instant generatedAt,
    boolean live,
    long codesIssued,
    long codesRedeemed,
    long sessions,
    long uniqueDevices,
    WatchTime watchTime,
    Startup startupMs,
    double rebufferingRatio,
    long bufferStarvations,
    Integer throughputKbps,
    Errors errors,
    List<Share> renditions,
    List<Share> browsers,
    List<Share> endReasons,
    Peak peak,
    List<Minute> minutes) {

  /** Seconds watched in all and by the median session (start to last heartbeat or end). */
  public record WatchTime(long totalSeconds, long medianSeconds) {}

  /** Time to first frame as players reported it: median and 95th percentile, of how many. */
  public record Startup(Integer p50, Integer p95, long samples) {}

  /** Fatal player errors by kind. */
  public record Errors(long network, long media, long key, long access) {

    public long total() {
      return network + media + key + access;
    }
  }

  /** A part of a whole: renditions by segments served, browsers and end reasons by sessions. */
  public record Share(String name, long count, double share) {}

  /** The minute with the most viewers (the first such); null while nobody has watched. */
  public record Peak(Instant minute, long viewers) {}

  /** Viewers at some point in the minute, and sessions started in it. */
  public record Minute(Instant minute, long viewers, long started) {}
}

package io.streamgate.platform.analytics.entity;

import io.streamgate.common.grid.DeliveryReport;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What one viewer session leaves behind for its event's analytics (schema version 14). The client
 * address and user agent are personal details, cleared after the retention period ({@link #PURGE});
 * the figures stay.
 */
@Entity
@Table(name = "viewing_record")
@NamedQuery(
    name = ViewingRecord.SEEN,
    query = "UPDATE ViewingRecord r SET r.lastSeenAt = :now WHERE r.sessionId IN :sids")
@NamedQuery(
    name = ViewingRecord.END,
    query =
        "UPDATE ViewingRecord r SET r.endedAt = :at, r.endReason = :reason"
            + " WHERE r.sessionId = :sid AND r.endedAt IS NULL")
@NamedQuery(
    name = ViewingRecord.PURGE,
    query =
        "UPDATE ViewingRecord r SET r.clientIp = NULL, r.userAgent = NULL, r.personalSince = NULL"
            + " WHERE r.personalSince < :before")
@NamedQuery(
    name = ViewingRecord.OF_EVENT,
    query =
        "SELECT NEW io.streamgate.platform.analytics.entity.ViewingFigures(r.startedAt,"
            + " r.lastSeenAt, r.endedAt, r.endReason, r.deviceKey, r.browser, r.startupMs,"
            + " r.stalledMs, r.errorsNetwork, r.errorsMedia, r.errorsKey, r.errorsAccess,"
            + " r.renditions, r.throughputKbps, r.starvations) FROM ViewingRecord r"
            + " WHERE r.eventId = :eventId")
public class ViewingRecord {

  public static final String SEEN = "ViewingRecord.seen";
  public static final String END = "ViewingRecord.end";
  public static final String PURGE = "ViewingRecord.purge";
  public static final String OF_EVENT = "ViewingRecord.ofEvent";

  @Id
  @Column(name = "session_id", length = 36)
  private String sessionId;

  @Column(name = "event_id", nullable = false, length = 36)
  private String eventId;

  @Column(name = "device_key", nullable = false, length = 32)
  private String deviceKey;

  @Column(nullable = false, length = 20)
  private String browser;

  @Column(name = "client_ip", length = 45)
  private String clientIp;

  @Column(name = "user_agent", length = 512)
  private String userAgent;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason", length = 20)
  private String endReason;

  @Column(name = "startup_ms")
  private Integer startupMs;

  @Column(nullable = false)
  private int stalls;

  @Column(name = "stalled_ms", nullable = false)
  private long stalledMs;

  @Column(name = "errors_network", nullable = false)
  private int errorsNetwork;

  @Column(name = "errors_media", nullable = false)
  private int errorsMedia;

  @Column(name = "errors_key", nullable = false)
  private int errorsKey;

  @Column(name = "errors_access", nullable = false)
  private int errorsAccess;

  @Column(name = "quality_at")
  private Instant qualityAt;

  @Column(length = 400)
  private String renditions;

  @Column(name = "throughput_kbps")
  private Integer throughputKbps;

  @Column(nullable = false)
  private int starvations;

  /** When the personal details were collected; null once they are cleared. */
  @Column(name = "personal_since")
  private Instant personalSince;

  protected ViewingRecord() {}

  public ViewingRecord(
      String sessionId, String eventId, String clientIp, String userAgent, Instant now) {
    this.sessionId = sessionId;
    this.eventId = eventId;
    this.clientIp = clientIp;
    this.userAgent =
        userAgent == null || userAgent.length() <= 512 ? userAgent : userAgent.substring(0, 512);
    this.deviceKey = deviceKey(eventId, clientIp, userAgent);
    this.browser = Browser.of(userAgent).label();
    this.startedAt = now;
    this.lastSeenAt = now;
    this.personalSince = now;
  }

  /**
   * Takes the player's totals for the session, each kept at its highest value so that a report sent
   * again (or replayed) changes nothing; stalled time is capped by the session's age. At most one
   * report per {@code spacing}: one sooner is ignored.
   *
   * @return whether the report was taken
   */
  public boolean report(QualityReport report, Instant now, Duration spacing) {
    if (qualityAt != null && now.isBefore(qualityAt.plus(spacing))) {
      return false;
    }
    qualityAt = now;
    if (report.startupMs() != null && startupMs == null) {
      startupMs = report.startupMs();
    }
    stalls = Math.max(stalls, orZero(report.stalls()));
    long age = Math.max(0, Duration.between(startedAt, now).toMillis());
    stalledMs = Math.max(stalledMs, Math.min(orZero(report.stalledMs()), age));
    errorsNetwork = Math.max(errorsNetwork, orZero(report.networkErrors()));
    errorsMedia = Math.max(errorsMedia, orZero(report.mediaErrors()));
    errorsKey = Math.max(errorsKey, orZero(report.keyErrors()));
    errorsAccess = Math.max(errorsAccess, orZero(report.accessErrors()));
    return true;
  }

  /**
   * Adds what a media server saw of the session since its last report: segments by rendition,
   * buffer starvations; the throughput is the latest measured. At most {@link
   * DeliveryReport#MAX_RENDITIONS} renditions are named, the rest count as "other".
   */
  public void delivered(Map<String, Long> segments, int throughputKbps, int starvations) {
    Map<String, Long> merged = Renditions.parse(renditions);
    segments.forEach(
        (name, count) -> {
          if (count > 0) {
            DeliveryReport.add(merged, name, count);
          }
        });
    String written = Renditions.format(merged);
    if (written.length() <= 400) {
      this.renditions = written;
    }
    if (throughputKbps > 0) {
      this.throughputKbps = throughputKbps;
    }
    this.starvations =
        (int) Math.min(1_000_000L, (long) this.starvations + Math.max(0, starvations));
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }

  /**
   * Tells devices apart within an event without keeping what identifies them: a hash of the event,
   * the address and the user agent.
   */
  static String deviceKey(String eventId, String clientIp, String userAgent) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (eventId + '\n' + clientIp + '\n' + (userAgent == null ? "" : userAgent))
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String sessionId() {
    return sessionId;
  }

  public String eventId() {
    return eventId;
  }

  public String clientIp() {
    return clientIp;
  }

  public String browser() {
    return browser;
  }

  public Integer startupMs() {
    return startupMs;
  }

  public int stalls() {
    return stalls;
  }

  public long stalledMs() {
    return stalledMs;
  }

  public int networkErrors() {
    return errorsNetwork;
  }

  public String renditions() {
    return renditions;
  }

  public Integer throughputKbps() {
    return throughputKbps;
  }

  public int starvations() {
    return starvations;
  }

  /** The browser family a user agent names, for the share of each; never the full string. */
  public enum Browser {
    EDGE("Edge"),
    OPERA("Opera"),
    FIREFOX("Firefox"),
    CHROME("Chrome"),
    SAFARI("Safari"),
    OTHER("Other");

    private final String label;

    Browser(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Browser of(String userAgent) {
      String agent = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
      if (agent.contains("edg/") || agent.contains("edga/") || agent.contains("edgios/")) {
        return EDGE;
      } else if (agent.contains("opr/")) {
        return OPERA;
      } else if (agent.contains("firefox/") || agent.contains("fxios/")) {
        return FIREFOX;
      } else if (agent.contains("chrome/")
          || agent.contains("chromium/")
          || agent.contains("crios/")) {
        return CHROME;
      } else if (agent.contains("safari/") || agent.contains("applewebkit/")) {
        return SAFARI;
      }
      return OTHER;
    }
  }
}

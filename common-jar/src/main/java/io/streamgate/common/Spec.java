package io.streamgate.common;

import java.time.Duration;

/** Timings and limits of the StreamGate specification, in one place for both WARs. */
public final class Spec {

  /** Lifetime of a playback JWT. */
  public static final Duration PLAYBACK_TOKEN_LIFETIME = Duration.ofSeconds(3600);

  /** The player refreshes its JWT this long after it was minted. */
  public static final Duration PLAYBACK_TOKEN_REFRESH_AFTER = Duration.ofMinutes(50);

  /** Lifetime of a probe JWT (HEAD only, used to find out whether a stream is live). */
  public static final Duration PROBE_TOKEN_LIFETIME = Duration.ofSeconds(10);

  /** The player sends a heartbeat this often. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

  /** Clock skew tolerated between the platform that mints and the media server that checks. */
  public static final Duration CLOCK_SKEW_LEEWAY = Duration.ofSeconds(30);

  /**
   * How long after a revocation, deactivation or session end a token minted before it can still be
   * valid: the longest token, and skew. Refusals may be forgotten after it because the platform
   * mints no token for a revoked code, a deactivated event or an ended session.
   */
  public static final Duration TOKEN_REACH = PLAYBACK_TOKEN_LIFETIME.plus(CLOCK_SKEW_LEEWAY);

  /** Most access codes generated in one batch. */
  public static final int MAX_BATCH_CODES = 500;

  /** Access window after the event ends, in hours: bounds and default. */
  public static final int ACCESS_WINDOW_MIN_HOURS = 1;

  public static final int ACCESS_WINDOW_MAX_HOURS = 168;
  public static final int ACCESS_WINDOW_DEFAULT_HOURS = 48;

  /**
   * Admin logins per client IP. (The redeem and refresh limits and the session timeout are
   * settings: RATE_LIMIT_REDEEM_PER_MINUTE, RATE_LIMIT_REFRESH_PER_HOUR, SESSION_TIMEOUT_SECONDS.)
   */
  public static final RateLimit ADMIN_LOGIN_LIMIT = new RateLimit(10, Duration.ofMinutes(1));

  /** Path under which the media WAR serves streams. */
  public static final String STREAMS_CONTEXT = "/streams";

  /** At most {@code requests} in any {@code window}. */
  public record RateLimit(int requests, Duration window) {}

  private Spec() {}
}

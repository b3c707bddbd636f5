package io.streamgate.platform.sessions.control;

import io.streamgate.platform.persistence.control.DatabaseOutages;
import io.streamgate.platform.refusal.control.RequestRefusedException;
import java.time.Duration;
import java.util.Map;

/** A heartbeat or refresh for a session that no longer holds its code. */
public class SessionRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  /** What a player reads in {@code reason} to tell a viewer why the session ended. */
  public static final String TOKEN_SHARING = "token-sharing";

  private SessionRefusedException(int status, String code, String message) {
    this(status, code, message, Map.of(), null);
  }

  private SessionRefusedException(
      int status, String code, String message, Map<String, Object> extras, Duration retryAfter) {
    super(status, code, message, extras, retryAfter);
  }

  /** An admin names a session that does not exist (any more). */
  public static SessionRefusedException unknown() {
    return new SessionRefusedException(404, "session-not-found", "Viewer session not found");
  }

  public static SessionRefusedException notFound() {
    return new SessionRefusedException(404, "session-not-found", "Session not found");
  }

  /**
   * The session was ended because its token played on more than one device at once. Not 404 (the
   * player would say the session timed out) nor 409 (nobody holds the code now: its owner may
   * redeem it again at once).
   */
  public static SessionRefusedException shared() {
    return new SessionRefusedException(
        403,
        "session-shared",
        "Session ended: this code was used on more than one device at once",
        Map.of("reason", TOKEN_SHARING),
        null);
  }

  /** A heartbeat whose write did not get through in time (the database is slow or away). */
  public static SessionRefusedException unavailable() {
    return new SessionRefusedException(
        503, null, UNAVAILABLE, Map.of(), Duration.ofSeconds(DatabaseOutages.RETRY_AFTER_SECONDS));
  }

  public static SessionRefusedException conflict() {
    return new SessionRefusedException(409, "session-taken-over", "Session conflict");
  }
}

package io.streamgate.platform.refusal.control;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A request the platform refuses, with the HTTP status and the message the caller sees. Each
 * component throws its own subclass; one mapper turns them all into {@code {"error": ...}}.
 */
public abstract class RequestRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What a caller is told while the platform cannot answer for now (any 503). */
  public static final String UNAVAILABLE = "Temporarily unavailable. Please try again in a moment.";

  private final int status;
  private final transient Map<String, Object> extras;
  private final Duration retryAfter;

  protected RequestRefusedException(int status, String message) {
    this(status, message, Map.of(), null);
  }

  protected RequestRefusedException(
      int status, String message, Map<String, Object> extras, Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.extras = extras;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  /** Fields the response carries besides {@code error}. */
  public Map<String, Object> extras() {
    return extras;
  }

  /** For 429: when the caller may try again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

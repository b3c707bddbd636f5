package io.streamgate.platform.refusal.control;

import io.streamgate.common.errors.ErrorCodes;
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
  private final String code;
  private final transient Map<String, Object> extras;
  private final Duration retryAfter;

  protected RequestRefusedException(int status, String message) {
    this(status, message, Map.of(), null);
  }

  protected RequestRefusedException(
      int status, String message, Map<String, Object> extras, Duration retryAfter) {
    this(status, null, message, extras, retryAfter);
  }

  /** A refusal with a meaning of its own: {@code code} says it (null: the status's code). */
  protected RequestRefusedException(
      int status, String code, String message, Map<String, Object> extras, Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.code = code != null ? code : ErrorCodes.forStatus(status);
    this.extras = extras;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  /**
   * The stable code the answer carries next to {@code error} ({@link ErrorCodes}): the status's,
   * unless a refusal with a meaning of its own says more.
   */
  public String errorCode() {
    return code;
  }

  /** Fields the response carries besides {@code error} and {@code code}. */
  public Map<String, Object> extras() {
    return extras;
  }

  /** For 429: when the caller may try again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

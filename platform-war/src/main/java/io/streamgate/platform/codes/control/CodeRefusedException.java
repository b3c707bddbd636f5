package io.streamgate.platform.codes.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Why a code does not open its event, with the specification's tiered messages. */
public class CodeRefusedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  /** The audit action name of the refusal. */
  private final String reason;

  private CodeRefusedException(int status, String reason, String message) {
    this(status, reason, message, Map.of());
  }

  /**
   * The answer's code is the reason's: {@code code-invalid}, {@code code-expired}, {@code
   * code-revoked}, {@code code-other-event}, {@code code-in-use}, or {@code event-unavailable}.
   */
  private CodeRefusedException(
      int status, String reason, String message, Map<String, Object> extras) {
    super(status, reason.startsWith("event-") ? reason : "code-" + reason, message, extras, null);
    this.reason = reason;
  }

  public static CodeRefusedException invalid() {
    return new CodeRefusedException(
        401, "invalid", "Invalid code. Please check your ticket and try again.");
  }

  /** The answer carries {@code accessEndedAt} too, for clients that say the time their way. */
  public static CodeRefusedException expired(Instant until) {
    return new CodeRefusedException(
        410,
        "expired",
        "This code has expired. Access was available until " + UNTIL.format(until) + ".",
        Map.of("accessEndedAt", until.toString()));
  }

  public static CodeRefusedException revoked() {
    return new CodeRefusedException(
        403, "revoked", "This code has been revoked. Please contact the event organizer.");
  }

  public static CodeRefusedException eventUnavailable() {
    return new CodeRefusedException(403, "event-unavailable", "This event is no longer available.");
  }

  /** A page that plays one event only (an embed page) was given a code of another. */
  public static CodeRefusedException otherEvent() {
    return new CodeRefusedException(403, "other-event", "This code is for another event.");
  }

  public static CodeRefusedException inUse() {
    return new CodeRefusedException(
        409,
        "in-use",
        "This access code is currently in use on another device.",
        Map.of("inUse", true));
  }

  public String reason() {
    return reason;
  }
}

package io.streamgate.common.playback;

/** A playback JWT that must not be accepted, with the reason (for tests and metrics, not users). */
public class InvalidPlaybackTokenException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a token was refused. */
  public enum Reason {
    MALFORMED,
    UNSUPPORTED_ALGORITHM,
    UNKNOWN_KEY,
    BAD_SIGNATURE,
    WRONG_TYPE,
    MISSING_CLAIM,
    EXPIRED,
    NOT_YET_VALID,
    /** {@code exp - iat} is longer than any token the platform mints. */
    TOO_LONG_LIVED
  }

  private final Reason reason;

  public InvalidPlaybackTokenException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

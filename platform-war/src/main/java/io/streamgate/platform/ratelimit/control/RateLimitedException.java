package io.streamgate.platform.ratelimit.control;

import io.streamgate.platform.refusal.control.RequestRefusedException;
import java.time.Duration;
import java.util.Map;

/** Too many attempts; the response says when to try again. */
public class RateLimitedException extends RequestRefusedException {

  private static final long serialVersionUID = 1L;

  public RateLimitedException(Duration retryAfter) {
    super(429, "Too many attempts. Please wait a moment and try again.", Map.of(), retryAfter);
  }
}

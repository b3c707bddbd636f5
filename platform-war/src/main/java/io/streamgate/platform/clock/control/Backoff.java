package io.streamgate.platform.clock.control;

import java.time.Duration;

/**
 * Waits between attempts that grow by {@code factor} each time from {@code first}, never longer
 * than {@code longest}: the retry schedules of webhook deliveries and ticket e-mails.
 */
public record Backoff(Duration first, long factor, Duration longest) {

  /** How long to wait after the {@code attempt}-th failed attempt (1 for the first). */
  public Duration after(int attempt) {
    long seconds = first.toSeconds();
    for (int i = 1; i < attempt && seconds < longest.toSeconds(); i++) {
      seconds *= factor;
    }
    return Duration.ofSeconds(Math.min(seconds, longest.toSeconds()));
  }
}

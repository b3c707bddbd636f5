package io.streamgate.platform.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentAttemptsTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Test
  void whatTheGridHoldsReadsBackTheSame() {
    RecentAttempts attempts = new RecentAttempts(List.of(1_000L, 2_500L, 61_000L));
    assertEquals(attempts, RecentAttempts.parse(attempts.format()));
    assertEquals("1000,2500,61000", attempts.format());
    assertEquals(List.of(), RecentAttempts.parse(null).times());
  }

  @Test
  void attemptsOlderThanTheWindowNoLongerCount() {
    RecentAttempts attempts = new RecentAttempts(List.of(0L, 30_000L, 59_999L));
    assertEquals(List.of(30_000L, 59_999L), attempts.within(60_000, MINUTE).times());
  }

  @Test
  void aLimitUsedUpAcrossTheTurnOfAClockMinuteStillRefuses() {
    long minuteTurn = 120_000;
    RecentAttempts attempts = new RecentAttempts(List.of());
    for (long time = minuteTurn - 2_000; time < minuteTurn + 3_000; time += 1_000) {
      assertEquals(Optional.empty(), attempts.wait(5, time, MINUTE));
      attempts = attempts.plus(time).within(time, MINUTE);
    }
    assertEquals(
        Optional.of(Duration.ofMillis(55_000)),
        attempts.wait(5, minuteTurn + 3_000, MINUTE),
        "free again when the first of the five is a minute old");
  }

  @Test
  void theWaitEndsWhenTheAttemptThatFilledTheLimitLeavesTheWindow() {
    RecentAttempts attempts = new RecentAttempts(List.of(10_000L, 20_000L, 30_000L));
    assertEquals(Optional.of(Duration.ofSeconds(20)), attempts.wait(2, 60_000, MINUTE));
    assertEquals(Optional.empty(), attempts.wait(4, 60_000, MINUTE));
  }
}

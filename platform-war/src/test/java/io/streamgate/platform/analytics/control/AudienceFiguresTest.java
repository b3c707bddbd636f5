package io.streamgate.platform.analytics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.analytics.entity.ViewingFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AudienceFiguresTest {

  private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Test
  void viewersByMinuteCountEverySessionInEveryMinuteItOverlapsAndMarkThePeak() {
    List<ViewingFigures> records =
        List.of(
            ended(0, 0, 600, "released"), // 18:00:00 to 18:10:00
            ended(1, 30, 150, "released"), // 18:01:30 to 18:04:00
            ended(2, 0, 60, "taken_over"), // 18:02:00 to 18:03:00
            ended(9, 0, 30, "admin")); // 18:09:00 to 18:09:30
    Audience audience = AudienceFigures.of("e", records, 10, 4, T0.plusSeconds(7200), TIMEOUT);

    assertEquals(10, audience.minutes().size(), "18:00 to 18:09: an end is exclusive");
    assertEquals(T0, audience.minutes().get(0).minute());
    assertEquals(
        List.of(1L, 2L, 3L, 2L, 1L, 1L, 1L, 1L, 1L, 2L),
        audience.minutes().stream().map(Audience.Minute::viewers).toList());
    assertEquals(new Audience.Peak(T0.plusSeconds(120), 3), audience.peak());
    assertEquals(1, audience.minutes().get(9).started());
    assertFalse(audience.live());
    assertEquals(4, audience.sessions());
    assertEquals(10, audience.codesIssued());
    assertEquals(4, audience.codesRedeemed());
  }

  @Test
  void watchTimeIsFromStartToEndOrLastHeartbeatWithTheLowerMedian() {
    List<ViewingFigures> records =
        List.of(
            ended(0, 0, 100, "released"),
            ended(0, 0, 300, "released"),
            silent(0, 0, 200), // timed out at its last heartbeat
            ended(0, 0, 1000, "released"));
    Audience audience = AudienceFigures.of("e", records, 4, 4, T0.plusSeconds(7200), TIMEOUT);

    assertEquals(1600, audience.watchTime().totalSeconds());
    assertEquals(200, audience.watchTime().medianSeconds());
    assertEquals(
        List.of(new Audience.Share("released", 3, 0.75), new Audience.Share("timed_out", 1, 0.25)),
        audience.endReasons());
  }

  @Test
  void aSessionHeardFromWithinTheTimeoutIsWatchingUntilNow() {
    Instant now = T0.plusSeconds(300);
    ViewingFigures watching =
        new ViewingFigures(
            T0,
            now.minusSeconds(20),
            null,
            null,
            "d",
            "Chrome",
            null,
            0,
            0,
            0,
            0,
            0,
            null,
            null,
            0);
    Audience audience = AudienceFigures.of("e", List.of(watching), 1, 1, now, TIMEOUT);

    assertTrue(audience.live());
    assertEquals(300, audience.watchTime().totalSeconds());
    assertEquals(5, audience.minutes().size(), "18:00 to 18:04, now is 18:05:00 exclusive");
    assertEquals(1, audience.minutes().get(4).viewers());
    assertEquals("watching", audience.endReasons().get(0).name());
  }

  @Test
  void startUpPercentilesRebufferingErrorsDevicesAndShares() {
    List<ViewingFigures> records = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      records.add(
          new ViewingFigures(
              T0,
              T0.plusSeconds(100),
              T0.plusSeconds(100),
              "released",
              i <= 10 ? "same" : "d" + i,
              i <= 15 ? "Chrome" : "Firefox",
              i * 100,
              1000,
              i == 1 ? 2 : 0,
              i == 2 ? 1 : 0,
              0,
              i == 3 ? 1 : 0,
              i <= 5 ? "720p=30;360p=10" : "720p=40;garbage;=3;360p=x",
              i * 1000,
              i == 4 ? 3 : 0));
    }
    records.add(
        new ViewingFigures(
            T0,
            T0.plusSeconds(100),
            null,
            null,
            "x",
            "Safari",
            null,
            0,
            0,
            0,
            0,
            0,
            null,
            null,
            0));
    Audience audience = AudienceFigures.of("e", records, 30, 21, T0.plusSeconds(7200), TIMEOUT);

    assertEquals(1000, audience.startupMs().p50());
    assertEquals(1900, audience.startupMs().p95());
    assertEquals(20, audience.startupMs().samples());
    assertEquals(20_000.0 / 2_100_000, audience.rebufferingRatio(), 1e-9);
    assertEquals(new Audience.Errors(2, 1, 0, 1), audience.errors());
    assertEquals(3, audience.bufferStarvations());
    assertEquals(10_000, audience.throughputKbps());
    assertEquals(12, audience.uniqueDevices());
    assertEquals(
        List.of(new Audience.Share("720p", 750, 0.9375), new Audience.Share("360p", 50, 0.0625)),
        audience.renditions());
    assertEquals("Chrome", audience.browsers().get(0).name());
    assertEquals(15, audience.browsers().get(0).count());
  }

  @Test
  void noSessionsGiveEmptyFiguresAndNoPeak() {
    Audience audience = AudienceFigures.of("e", List.of(), 5, 0, T0, TIMEOUT);

    assertTrue(audience.minutes().isEmpty());
    assertNull(audience.peak());
    assertNull(audience.startupMs().p50());
    assertEquals(0, audience.watchTime().medianSeconds());
    assertEquals(0, audience.rebufferingRatio());
  }

  @Test
  void aSeriesLongerThanFourteenDaysKeepsTheLatestMinutes() {
    List<ViewingFigures> records =
        List.of(
            ended(0, 0, 60, "released"),
            ended(30 * 24 * 60, 0, 60, "released")); // thirty days later
    Audience audience =
        AudienceFigures.of("e", records, 2, 2, T0.plus(Duration.ofDays(40)), TIMEOUT);

    assertEquals(AudienceFigures.MAX_MINUTES, audience.minutes().size());
    Audience.Minute last = audience.minutes().get(audience.minutes().size() - 1);
    assertEquals(T0.plus(Duration.ofDays(30)), last.minute());
    assertEquals(2, audience.sessions());
    assertEquals(1, audience.peak().viewers());
  }

  private static ViewingFigures ended(int minute, int second, int seconds, String reason) {
    Instant start = T0.plusSeconds(minute * 60L + second);
    return new ViewingFigures(
        start,
        start.plusSeconds(seconds),
        start.plusSeconds(seconds),
        reason,
        "d" + minute + second + seconds,
        "Chrome",
        null,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        0);
  }

  private static ViewingFigures silent(int minute, int second, int seconds) {
    Instant start = T0.plusSeconds(minute * 60L + second);
    return new ViewingFigures(
        start,
        start.plusSeconds(seconds),
        null,
        null,
        "s" + seconds,
        "Chrome",
        null,
        0,
        0,
        0,
        0,
        0,
        null,
        null,
        0);
  }
}

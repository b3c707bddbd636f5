package io.streamgate.platform.playback.control;

import static io.streamgate.platform.playback.control.EventStatuses.Status.ENDED;
import static io.streamgate.platform.playback.control.EventStatuses.Status.LIVE;
import static io.streamgate.platform.playback.control.EventStatuses.Status.NOT_STARTED;
import static io.streamgate.platform.playback.control.EventStatuses.Status.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamgate.platform.events.entity.Event;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventStatusesTest {

  private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
  private static final Event EVENT =
      new Event("Concert", START, START.plus(Duration.ofHours(2)), 48, START.minusSeconds(86400));

  private static EventStatuses.Status at(String offset, StreamProbe.Outcome outcome) {
    return EventStatuses.status(EVENT, outcome, START.plus(Duration.parse(offset)));
  }

  /** A live playlist (2 s segments) whose window last moved at {@code offset}. */
  private static StreamProbe.Found moved(String offset) {
    return new StreamProbe.Found(false, START.plus(Duration.parse(offset)), Duration.ofSeconds(2));
  }

  private static StreamProbe.Found recording() {
    return new StreamProbe.Found(true, START.minus(Duration.ofDays(1)), Duration.ofSeconds(2));
  }

  @Test
  void aLivePlaylistThatMovedWithinThreeTargetDurationsIsLiveWhateverTheSchedule() {
    assertEquals(LIVE, at("PT1H", moved("PT59M55S")));
    assertEquals(LIVE, at("PT1H", moved("PT59M52S")), "three target durations and one probe");
    assertEquals(LIVE, at("-PT10M", moved("-PT10M")), "started early");
    assertEquals(LIVE, at("PT3H", moved("PT2H59M59S")), "runs late");
  }

  @Test
  void aLivePlaylistThatStoppedMovingIsNotStartedUntilTheEndThenEnded() {
    assertEquals(NOT_STARTED, at("PT1H", moved("PT59M50S")), "the encoder went away");
    assertEquals(NOT_STARTED, at("-PT1H", moved("-PT5H")), "a rehearsal's leftovers");
    assertEquals(ENDED, at("PT2H", moved("PT1H59M")));
  }

  @Test
  void aPlaylistWithAnEndIsARecordingOnceTheEventBegan() {
    assertEquals(RECORDING, at("PT1H", recording()));
    assertEquals(RECORDING, at("PT5H", recording()), "after the end too");
    assertEquals(NOT_STARTED, at("-PT1H", recording()), "uploaded ahead of time");
  }

  @Test
  void noManifestMeansNotStartedUntilTheEndThenEnded() {
    assertEquals(NOT_STARTED, at("-PT1H", new StreamProbe.Missing()));
    assertEquals(NOT_STARTED, at("PT1H", new StreamProbe.Missing()), "late start");
    assertEquals(ENDED, at("PT2H", new StreamProbe.Missing()));
  }

  @Test
  void withoutAnAnswerFromTheMediaServerTheScheduleDecides() {
    assertEquals(NOT_STARTED, at("-PT1S", new StreamProbe.Unreachable()));
    assertEquals(LIVE, at("PT0S", new StreamProbe.Unreachable()));
    assertEquals(LIVE, at("PT1H59M", new StreamProbe.Unreachable()));
    assertEquals(ENDED, at("PT2H", new StreamProbe.Unreachable()));
  }
}

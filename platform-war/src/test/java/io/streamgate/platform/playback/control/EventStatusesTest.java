package io.streamgate.platform.playback.control;

import static io.streamgate.platform.playback.control.EventStatuses.Status.ENDED;
import static io.streamgate.platform.playback.control.EventStatuses.Status.LIVE;
import static io.streamgate.platform.playback.control.EventStatuses.Status.NOT_STARTED;
import static io.streamgate.platform.playback.control.EventStatuses.Status.RECORDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamgate.platform.events.entity.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventStatusesTest {

  private static final Instant START = Instant.parse("2026-11-22T20:00:00Z");
  private static final Event EVENT =
      new Event("Concert", START, START.plus(Duration.ofHours(2)), 48, START.minusSeconds(86400));

  private static EventStatuses.Status at(String offset, StreamProbe.Outcome outcome) {
    return EventStatuses.status(EVENT, outcome, START.plus(Duration.parse(offset)));
  }

  private static StreamProbe.Found modified(String offset) {
    return new StreamProbe.Found(Optional.of(START.plus(Duration.parse(offset))));
  }

  @Test
  void aManifestThatChangedInTheLastMinuteIsLiveWhateverTheSchedule() {
    assertEquals(LIVE, at("PT1H", modified("PT59M30S")));
    assertEquals(LIVE, at("-PT10M", modified("-PT10M")), "started early");
    assertEquals(LIVE, at("PT3H", modified("PT2H59M")), "runs late");
  }

  @Test
  void aManifestThatStoppedChangingIsARecordingOnceTheEventBegan() {
    assertEquals(RECORDING, at("PT1H", modified("PT58M")));
    assertEquals(RECORDING, at("PT5H", modified("PT2H")));
    assertEquals(RECORDING, at("PT1H", new StreamProbe.Found(Optional.empty())));
    assertEquals(NOT_STARTED, at("-PT1H", modified("-PT5H")), "uploaded ahead of time");
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

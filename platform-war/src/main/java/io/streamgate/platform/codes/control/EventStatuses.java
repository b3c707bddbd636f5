package io.streamgate.platform.codes.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.playback.control.StreamProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Whether an event is on for a viewer holding one of its codes. The media server decides when it
 * answers (live while the manifest keeps changing, a recording once it stopped); the schedule
 * decides when it cannot be asked.
 */
@ApplicationScoped
public class EventStatuses {

  /** The specification's status names. */
  public enum Status {
    NOT_STARTED("not-started"),
    LIVE("live"),
    ENDED("ended"),
    RECORDING("recording");

    private final String json;

    Status(String json) {
      this.json = json;
    }

    public String json() {
      return json;
    }
  }

  public record EventStatus(Event event, Status status) {}

  @Inject AccessCodes codes;

  @Inject StreamProbe probe;

  @Inject Clock clock;

  /**
   * The status of the event, for the holder of {@code typedCode}; 401 when it is not the event's.
   */
  public EventStatus of(String eventId, String typedCode, String mediaBaseUrl, String manifest) {
    AccessCode code =
        codes
            .find(typedCode)
            .filter(found -> found.event().id().equals(eventId))
            .orElseThrow(CodeRefusedException::invalid);
    Event event = code.event();
    return new EventStatus(
        event, status(event, probe.probe(mediaBaseUrl, eventId, manifest), clock.instant()));
  }

  static Status status(Event event, StreamProbe.Outcome outcome, Instant now) {
    boolean beforeStart = now.isBefore(event.startsAt());
    boolean afterEnd = !now.isBefore(event.endsAt());
    if (outcome instanceof StreamProbe.Found found) {
      boolean changing =
          found
              .lastModified()
              .map(at -> !at.isBefore(now.minus(Spec.LIVE_MANIFEST_WINDOW)))
              .orElse(false);
      return changing ? Status.LIVE : beforeStart ? Status.NOT_STARTED : Status.RECORDING;
    }
    if (outcome instanceof StreamProbe.Missing) {
      return afterEnd ? Status.ENDED : Status.NOT_STARTED;
    }
    return beforeStart ? Status.NOT_STARTED : afterEnd ? Status.ENDED : Status.LIVE;
  }
}

package io.streamgate.platform.playback.control;

import io.streamgate.common.Spec;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.codes.control.AccessCodes;
import io.streamgate.platform.codes.control.CodeRefusedException;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.ratelimit.control.RateLimits;
import io.streamgate.platform.sessions.control.CodeClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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

  /** How often one code or one session may ask: the portal asks every 5 to 30 seconds. */
  static final Spec.RateLimit ASKS = new Spec.RateLimit(30, Duration.ofMinutes(1));

  @Inject AccessCodes codes;

  @Inject CodeClaims claims;

  @Inject Redemptions redemptions;

  @Inject RateLimits rateLimits;

  @Inject StreamProbe probe;

  @Inject Clock clock;

  /**
   * The status of the event, for a client holding {@code typedCode}: 401 when it is not one of the
   * event's codes (counted against the client's redeem attempts, and refused with 429 once those
   * are used up, whatever the code), 410 expired, 403 revoked or event unavailable.
   */
  public EventStatus forCode(
      String eventId, String typedCode, String clientIp, String mediaBaseUrl, String manifest) {
    redemptions.checkGuesses(clientIp);
    AccessCode code =
        codes.find(typedCode).filter(found -> found.event().id().equals(eventId)).orElse(null);
    if (code == null) {
      redemptions.countWrongGuess(clientIp);
      throw CodeRefusedException.invalid();
    }
    rateLimits.acquire("status:" + AccessCodeCodec.fingerprint(code.code()), ASKS);
    return statusOf(code, mediaBaseUrl, manifest);
  }

  /** The status of the event, for the holder of a playback token of it (the viewer's page). */
  public EventStatus forViewer(
      String eventId, PlaybackClaims viewer, String mediaBaseUrl, String manifest) {
    if (!viewer.eid().equals(eventId)) {
      throw CodeRefusedException.invalid();
    }
    rateLimits.acquire("status-session:" + viewer.sid(), ASKS);
    AccessCode code = claims.ofToken(viewer).orElseThrow(CodeRefusedException::invalid);
    return statusOf(code, mediaBaseUrl, manifest);
  }

  private EventStatus statusOf(AccessCode code, String mediaBaseUrl, String manifest) {
    Instant now = clock.instant();
    CodeClaims.requireUsable(code, now);
    Event event = code.event();
    return new EventStatus(
        event, status(event, probe.probe(mediaBaseUrl, event.id(), manifest), now));
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

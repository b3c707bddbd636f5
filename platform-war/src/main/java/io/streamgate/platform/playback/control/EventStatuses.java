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
 * Whether an event is on for a viewer holding one of its codes, from what a player would see (the
 * {@link StreamProbe}): {@code not-started} until a variant playlist lists segments, {@code live}
 * while it advances, {@code recording} once it carries {@code #EXT-X-ENDLIST} (from the scheduled
 * start on), {@code ended} after the scheduled end when nothing plays. A live playlist that stopped
 * moving is {@code not-started} again until the scheduled end: the viewer waits on the waiting
 * screen, which switches to the player when the encoder is back. When the media server cannot be
 * asked, the schedule decides.
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
      String eventId, String typedCode, String clientIp, String mediaBaseUrl) {
    redemptions.checkGuesses(clientIp);
    AccessCode code =
        codes.find(typedCode).filter(found -> found.event().id().equals(eventId)).orElse(null);
    if (code == null) {
      redemptions.countWrongGuess(clientIp);
      throw CodeRefusedException.invalid();
    }
    rateLimits.acquire("status:" + AccessCodeCodec.fingerprint(code.code()), ASKS);
    return statusOf(code, mediaBaseUrl);
  }

  /** The status of the event, for the holder of a playback token of it (the viewer's page). */
  public EventStatus forViewer(String eventId, PlaybackClaims viewer, String mediaBaseUrl) {
    if (!viewer.eid().equals(eventId)) {
      throw CodeRefusedException.invalid();
    }
    rateLimits.acquire("status-session:" + viewer.sid(), ASKS);
    AccessCode code = claims.ofToken(viewer).orElseThrow(CodeRefusedException::invalid);
    return statusOf(code, mediaBaseUrl);
  }

  private EventStatus statusOf(AccessCode code, String mediaBaseUrl) {
    Instant now = clock.instant();
    CodeClaims.requireUsable(code, now);
    Event event = code.event();
    return new EventStatus(
        event, status(event, probe.probe(mediaBaseUrl, event.id(), event.entryPlaylist()), now));
  }

  static Status status(Event event, StreamProbe.Outcome outcome, Instant now) {
    boolean beforeStart = now.isBefore(event.startsAt());
    boolean afterEnd = !now.isBefore(event.endsAt());
    if (outcome instanceof StreamProbe.Found found) {
      if (found.advancing(now)) {
        return Status.LIVE;
      }
      if (found.ended()) {
        return beforeStart ? Status.NOT_STARTED : Status.RECORDING;
      }
      // A live playlist that stopped moving: the encoder is down (for now), nothing plays.
      return afterEnd ? Status.ENDED : Status.NOT_STARTED;
    }
    if (outcome instanceof StreamProbe.Missing) {
      return afterEnd ? Status.ENDED : Status.NOT_STARTED;
    }
    return beforeStart ? Status.NOT_STARTED : afterEnd ? Status.ENDED : Status.LIVE;
  }
}

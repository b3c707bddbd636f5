package io.streamgate.platform.playback.control;

import io.streamgate.common.Spec;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.control.CodeRefusedException;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.ratelimit.control.RateLimits;
import io.streamgate.platform.sessions.control.CodeClaims;
import io.streamgate.platform.sessions.control.ViewerSessions;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns a typed code into a playback token (redeem) and renews it (refresh), with rate limits and
 * an audit entry for every outcome: a successful claim records its session start or take-over in
 * its own transaction; refusals are recorded after the refused transaction rolled back.
 */
@ApplicationScoped
public class Redemptions {

  /** What the viewer gets for a good code. */
  public record Grant(Event event, PlaybackTokenMint.Minted token, Instant accessEndsAt) {}

  @Inject CodeClaims claims;

  @Inject ViewerSessions sessions;

  @Inject PlaybackTokenMint mint;

  @Inject RateLimits rateLimits;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  int redeemsPerMinute;

  int refreshesPerHour;

  @Inject
  void configure(PlatformSettings settings) {
    redeemsPerMinute = (int) settings.redeemsPerMinute();
    refreshesPerHour = (int) settings.refreshesPerHour();
  }

  /**
   * Redeems a typed code; {@code forEvent}, when not null, is the one event the asking page plays,
   * and a code of another is refused before anything is claimed.
   */
  public Grant redeem(String typed, String forEvent, String clientIp, String userAgent) {
    rateLimits.acquire(guessesKey(clientIp), guessesLimit());
    String code =
        AccessCodeCodec.normalise(typed)
            .orElseThrow(
                () -> {
                  audit.record(AuditTrail.VIEWER, "redeem-invalid", null, clientIp, "malformed");
                  return CodeRefusedException.invalid();
                });
    String target = AuditTrail.hashed(code);
    CodeClaims.Claim claim;
    try {
      claim = claims.claim(code, forEvent, clientIp, userAgent);
    } catch (CodeRefusedException e) {
      audit.record(AuditTrail.VIEWER, "redeem-" + e.reason(), target, clientIp, null);
      throw e;
    }
    PlaybackTokenMint.Minted token =
        mint.playback(claim.codeId(), claim.event().id(), claim.sessionId());
    return new Grant(claim.event(), token, claim.accessEndsAt());
  }

  /**
   * Refuses a client whose attempts at codes are used up (redeems, and codes asked about that do
   * not exist), without counting this one: checked before anything tells whether a code exists.
   */
  public void checkGuesses(String clientIp) {
    rateLimits.check(guessesKey(clientIp), guessesLimit());
  }

  /** Counts a wrong code a client asked about against the same budget as its redeems. */
  public void countWrongGuess(String clientIp) {
    rateLimits.acquire(guessesKey(clientIp), guessesLimit());
  }

  private static String guessesKey(String clientIp) {
    return "redeem:" + clientIp;
  }

  private Spec.RateLimit guessesLimit() {
    return new Spec.RateLimit(redeemsPerMinute, Duration.ofMinutes(1));
  }

  /**
   * A new token with the same session id, after checking code, event and session again. The code is
   * found by the id the token names (or, for a token minted before subjects were opaque, by its
   * session); the new token names it by its id either way.
   */
  @Transactional
  public PlaybackTokenMint.Minted refresh(PlaybackClaims caller, String clientIp) {
    rateLimits.acquire(
        "refresh:" + caller.sub(), new Spec.RateLimit(refreshesPerHour, Duration.ofHours(1)));
    AccessCode code = claims.usable(caller, clock.instant());
    if (!code.event().id().equals(caller.eid())) {
      throw CodeRefusedException.invalid();
    }
    sessions.requireCurrent(code, caller);
    audit.record(
        AuditTrail.VIEWER,
        "refresh",
        AuditTrail.hashed(code.code()),
        clientIp,
        AuditTrail.session(caller.sid()));
    return mint.playback(code.id(), caller.eid(), caller.sid());
  }
}

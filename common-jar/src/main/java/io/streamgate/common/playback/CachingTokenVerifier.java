package io.streamgate.common.playback;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.jwk.JWKSet;
import io.streamgate.common.Spec;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Verifies playback JWTs once each: a token costs one RSA signature check, then every further use
 * (each segment, each heartbeat) is a map lookup plus an expiry check and a look whether its key is
 * still trusted (a retired key's tokens are refused at once, cached or not). Only tokens that
 * verified enter the main cache, so a flood of forged ones cannot push good ones out; refused ones
 * go to a small cache of their own, so repeating the same forgery costs nothing either. Entries
 * leave when the token expires; only a token's canonical spelling verifies, so one token is one
 * entry.
 */
public final class CachingTokenVerifier {

  /** Most verified tokens kept: viewers times the tokens each holds within an hour. */
  static final long MAX_VERIFIED = 200_000;

  static final long MAX_REFUSED = 20_000;

  private final PlaybackTokenVerifier verifier;
  private final Clock clock;
  private final Cache<String, VerifiedToken> verified;
  private final Cache<String, InvalidPlaybackTokenException.Reason> refused;

  public CachingTokenVerifier(Supplier<JWKSet> keys, Clock clock) {
    this(new PlaybackTokenVerifier(keys, clock, Spec.CLOCK_SKEW_LEEWAY), clock);
  }

  CachingTokenVerifier(PlaybackTokenVerifier verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(MAX_VERIFIED)
            .expireAfter(Expiry.<String, VerifiedToken>creating(this::lifetime))
            .build();
    this.refused =
        Caffeine.newBuilder()
            .maximumSize(MAX_REFUSED)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
  }

  /** The claims of a valid token; cached ones are checked against the clock again. */
  public PlaybackClaims verify(String token) throws InvalidPlaybackTokenException {
    VerifiedToken cached = verified.getIfPresent(token);
    if (cached != null) {
      if (!verifier.trusts(cached.kid())) {
        verified.invalidate(token);
        throw new InvalidPlaybackTokenException(
            InvalidPlaybackTokenException.Reason.UNKNOWN_KEY, "key no longer trusted");
      }
      if (clock.instant().isBefore(cached.claims().exp().plus(Spec.CLOCK_SKEW_LEEWAY))) {
        return cached.claims();
      }
      verified.invalidate(token);
      throw new InvalidPlaybackTokenException(
          InvalidPlaybackTokenException.Reason.EXPIRED, "token expired");
    }
    InvalidPlaybackTokenException.Reason known = refused.getIfPresent(token);
    if (known != null) {
      throw new InvalidPlaybackTokenException(known, "refused before");
    }
    VerifiedToken checked;
    try {
      checked = verifier.check(token);
    } catch (InvalidPlaybackTokenException e) {
      // An unknown key may be one the platform has just rotated in: do not remember that refusal.
      if (e.reason() != InvalidPlaybackTokenException.Reason.UNKNOWN_KEY) {
        refused.put(token, e.reason());
      }
      throw e;
    }
    verified.put(token, checked);
    return checked.claims();
  }

  private Duration lifetime(String token, VerifiedToken checked) {
    Duration left =
        Duration.between(clock.instant(), checked.claims().exp().plus(Spec.CLOCK_SKEW_LEEWAY));
    return left.isNegative() ? Duration.ZERO : left;
  }
}

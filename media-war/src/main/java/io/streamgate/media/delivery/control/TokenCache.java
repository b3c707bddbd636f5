package io.streamgate.media.delivery.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.streamgate.common.Spec;
import io.streamgate.common.playback.InvalidPlaybackTokenException;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenVerifier;
import io.streamgate.media.keys.control.TrustedKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Verifies playback JWTs once each: a viewer's token costs one RSA signature check, then every
 * segment request is a map lookup. Only tokens that verified enter the cache, so a flood of forged
 * ones cannot push good ones out; forged ones go to a small cache of their own, so repeating the
 * same forgery costs nothing either. Entries leave when the token expires.
 */
@ApplicationScoped
public class TokenCache {

  /** Most verified tokens kept: viewers times the tokens each holds within an hour. */
  static final long MAX_VERIFIED = 200_000;

  static final long MAX_REFUSED = 20_000;

  @Inject TrustedKeys keys;

  @Inject Clock clock;

  private PlaybackTokenVerifier verifier;
  private Cache<String, PlaybackClaims> verified;
  private Cache<String, InvalidPlaybackTokenException.Reason> refused;

  @PostConstruct
  void start() {
    verifier = new PlaybackTokenVerifier(keys::current, clock, Spec.CLOCK_SKEW_LEEWAY);
    verified =
        Caffeine.newBuilder()
            .maximumSize(MAX_VERIFIED)
            .expireAfter(Expiry.<String, PlaybackClaims>creating(this::lifetime))
            .build();
    refused =
        Caffeine.newBuilder()
            .maximumSize(MAX_REFUSED)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();
  }

  /** The claims of a valid token; cached ones are checked against the clock again. */
  public PlaybackClaims verify(String token) throws InvalidPlaybackTokenException {
    PlaybackClaims claims = verified.getIfPresent(token);
    if (claims != null) {
      if (clock.instant().isBefore(claims.exp().plus(Spec.CLOCK_SKEW_LEEWAY))) {
        return claims;
      }
      verified.invalidate(token);
      throw new InvalidPlaybackTokenException(
          InvalidPlaybackTokenException.Reason.EXPIRED, "token expired");
    }
    InvalidPlaybackTokenException.Reason known = refused.getIfPresent(token);
    if (known != null) {
      throw new InvalidPlaybackTokenException(known, "refused before");
    }
    try {
      claims = verifier.verify(token);
    } catch (InvalidPlaybackTokenException e) {
      // An unknown key may just be a key the platform rotated in; do not remember that one.
      if (e.reason() != InvalidPlaybackTokenException.Reason.UNKNOWN_KEY) {
        refused.put(token, e.reason());
      }
      throw e;
    }
    verified.put(token, claims);
    return claims;
  }

  private Duration lifetime(String token, PlaybackClaims claims) {
    Duration left = Duration.between(clock.instant(), claims.exp().plus(Spec.CLOCK_SKEW_LEEWAY));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** Forgets everything, e.g. when keys were replaced. */
  public void clear() {
    verified.invalidateAll();
    refused.invalidateAll();
  }
}

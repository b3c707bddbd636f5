package io.streamgate.common.playback;

import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.BAD_SIGNATURE;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.EXPIRED;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.MALFORMED;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.MISSING_CLAIM;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.NOT_YET_VALID;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.UNKNOWN_KEY;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.UNSUPPORTED_ALGORITHM;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.WRONG_TYPE;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks playback JWTs: RS256 only, a {@code kid} that names a known public key, the playback
 * {@code typ}, a valid signature, and {@code iat}/{@code exp} against the clock with a small
 * leeway. Headers never supply keys ({@code jwk}, {@code jku}, {@code x5u} are not consulted).
 */
public final class PlaybackTokenVerifier {

  /** Header parameters that are fine on a playback token; anything else (crit, jku...) is not. */
  private static final Set<String> ALLOWED_HEADER_PARAMS = Set.of("alg", "typ", "kid");

  private final Supplier<JWKSet> keys;
  private final Clock clock;
  private final Duration leeway;
  private final Map<RSAKey, RSASSAVerifier> verifiers = new ConcurrentHashMap<>();

  /**
   * @param keys the currently trusted public keys; asked on every verification so that rotated or
   *     retired keys take effect at once
   * @param clock the time against which {@code exp} and {@code iat} are checked
   * @param leeway tolerated clock skew between minting platform and checking media server
   */
  public PlaybackTokenVerifier(Supplier<JWKSet> keys, Clock clock, Duration leeway) {
    this.keys = keys;
    this.clock = clock;
    this.leeway = leeway;
  }

  /** The claims of a token that passes every check. */
  public PlaybackClaims verify(String token) throws InvalidPlaybackTokenException {
    SignedJWT jwt = parse(token);
    JWSHeader header = jwt.getHeader();
    if (!PlaybackTokens.ALGORITHM.equals(header.getAlgorithm())) {
      throw new InvalidPlaybackTokenException(UNSUPPORTED_ALGORITHM, "algorithm not accepted");
    }
    if (!PlaybackTokens.TYPE.equals(header.getType())) {
      throw new InvalidPlaybackTokenException(WRONG_TYPE, "not a playback token");
    }
    if (!ALLOWED_HEADER_PARAMS.containsAll(header.getIncludedParams())) {
      throw new InvalidPlaybackTokenException(MALFORMED, "unexpected header parameters");
    }
    RSAKey key = publicKey(header.getKeyID());
    try {
      if (!jwt.verify(verifiers.computeIfAbsent(key, PlaybackTokenVerifier::verifierFor))) {
        throw new InvalidPlaybackTokenException(BAD_SIGNATURE, "signature does not verify");
      }
    } catch (JOSEException e) {
      throw new InvalidPlaybackTokenException(BAD_SIGNATURE, "signature does not verify");
    }
    return claims(jwt);
  }

  private static SignedJWT parse(String token) throws InvalidPlaybackTokenException {
    if (token == null || token.isEmpty() || token.length() > 8192) {
      throw new InvalidPlaybackTokenException(MALFORMED, "no token");
    }
    try {
      return SignedJWT.parse(token);
    } catch (ParseException | IllegalArgumentException e) {
      // Unsecured ("alg":"none") tokens end here too: they do not parse as signed JWTs.
      throw new InvalidPlaybackTokenException(MALFORMED, "not a signed JWT");
    }
  }

  private RSAKey publicKey(String kid) throws InvalidPlaybackTokenException {
    if (kid == null) {
      throw new InvalidPlaybackTokenException(UNKNOWN_KEY, "no key id");
    }
    JWK jwk = keys.get().getKeyByKeyId(kid);
    if (!(jwk instanceof RSAKey rsa)) {
      throw new InvalidPlaybackTokenException(UNKNOWN_KEY, "unknown key id");
    }
    return rsa.toPublicJWK();
  }

  private static RSASSAVerifier verifierFor(RSAKey key) {
    try {
      return new RSASSAVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable RSA public key", e);
    }
  }

  private PlaybackClaims claims(SignedJWT jwt) throws InvalidPlaybackTokenException {
    JWTClaimsSet set;
    try {
      set = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new InvalidPlaybackTokenException(MALFORMED, "unreadable claims");
    }
    Instant now = clock.instant();
    Instant exp = instant(set.getExpirationTime(), "exp");
    Instant iat = instant(set.getIssueTime(), "iat");
    if (!now.isBefore(exp.plus(leeway))) {
      throw new InvalidPlaybackTokenException(EXPIRED, "token expired");
    }
    if (iat.isAfter(now.plus(leeway))) {
      throw new InvalidPlaybackTokenException(NOT_YET_VALID, "token not valid yet");
    }
    Date nbf = set.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plus(leeway))) {
      throw new InvalidPlaybackTokenException(NOT_YET_VALID, "token not valid yet");
    }
    try {
      boolean probe = Boolean.TRUE.equals(set.getBooleanClaim(PlaybackTokens.PROBE));
      String eid = required(set.getStringClaim(PlaybackTokens.EVENT_ID), "eid");
      String sp = required(set.getStringClaim(PlaybackTokens.STREAM_PATH), "sp");
      if (!sp.equals(StreamPaths.prefix(eid))) {
        throw new InvalidPlaybackTokenException(MALFORMED, "stream path does not match event");
      }
      if (probe) {
        return PlaybackClaims.probe(eid, iat, exp);
      }
      String sub = required(set.getSubject(), "sub");
      String sid = required(set.getStringClaim(PlaybackTokens.SESSION_ID), "sid");
      // Not PlaybackClaims.playback: tokens minted before opaque subjects still verify, so that
      // the platform can renew them; their holders see legacySubject().
      return new PlaybackClaims(sub, eid, sid, sp, iat, exp, false);
    } catch (ParseException | IllegalArgumentException e) {
      throw new InvalidPlaybackTokenException(MALFORMED, "claims of the wrong type");
    }
  }

  private static Instant instant(Date date, String name) throws InvalidPlaybackTokenException {
    if (date == null) {
      throw new InvalidPlaybackTokenException(MISSING_CLAIM, "missing " + name);
    }
    return date.toInstant();
  }

  private static String required(String value, String name) throws InvalidPlaybackTokenException {
    if (value == null || value.isEmpty()) {
      throw new InvalidPlaybackTokenException(MISSING_CLAIM, "missing " + name);
    }
    return value;
  }
}

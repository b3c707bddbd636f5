package io.streamgate.common.playback;

import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.BAD_SIGNATURE;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.EXPIRED;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.MALFORMED;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.MISSING_CLAIM;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.NOT_YET_VALID;
import static io.streamgate.common.playback.InvalidPlaybackTokenException.Reason.TOO_LONG_LIVED;
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
import io.streamgate.common.Spec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks playback JWTs: the canonical compact spelling only, RS256 only, a {@code kid} that names a
 * known public key, the playback {@code typ}, a valid signature, {@code iat}/{@code exp} against
 * the clock with a small leeway, and a lifetime no longer than the platform mints. Headers never
 * supply keys ({@code jwk}, {@code jku}, {@code x5u} are not consulted).
 *
 * <p>Base64url decoders forgive padding, unused trailing bits and the {@code +/} alphabet, so one
 * signed token could be written in many ways that all verify; each spelling would be one more entry
 * in a cache keyed by the token string. Only the spelling a signer writes is accepted.
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
    return check(token).claims();
  }

  /** The claims of a token that passes every check, with the id of the key that signed it. */
  VerifiedToken check(String token) throws InvalidPlaybackTokenException {
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
    return new VerifiedToken(claims(jwt), header.getKeyID());
  }

  /** Whether the key with this id is still trusted (a retired key leaves the trusted set). */
  boolean trusts(String kid) {
    return keys.get().getKeyByKeyId(kid) != null;
  }

  private static SignedJWT parse(String token) throws InvalidPlaybackTokenException {
    if (token == null || token.isEmpty() || token.length() > 8192) {
      throw new InvalidPlaybackTokenException(MALFORMED, "no token");
    }
    if (!canonical(token)) {
      throw new InvalidPlaybackTokenException(MALFORMED, "not the canonical spelling");
    }
    try {
      return SignedJWT.parse(token);
    } catch (ParseException | IllegalArgumentException e) {
      // Unsecured ("alg":"none") tokens end here too: they do not parse as signed JWTs.
      throw new InvalidPlaybackTokenException(MALFORMED, "not a signed JWT");
    }
  }

  /** Three parts, each unpadded base64url that re-encodes to itself (no stray bits). */
  static boolean canonical(String token) {
    int first = token.indexOf('.');
    int second = first < 0 ? -1 : token.indexOf('.', first + 1);
    if (second < 0 || token.indexOf('.', second + 1) >= 0) {
      return false;
    }
    return canonicalPart(token.substring(0, first))
        && canonicalPart(token.substring(first + 1, second))
        && canonicalPart(token.substring(second + 1));
  }

  private static boolean canonicalPart(String part) {
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      boolean base64url =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!base64url) {
        return false;
      }
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(part);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part);
    } catch (IllegalArgumentException e) {
      return false;
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
      Duration longest = probe ? Spec.PROBE_TOKEN_LIFETIME : Spec.PLAYBACK_TOKEN_LIFETIME;
      if (Duration.between(iat, exp).compareTo(longest.plus(leeway)) > 0) {
        throw new InvalidPlaybackTokenException(TOO_LONG_LIVED, "token lives too long");
      }
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

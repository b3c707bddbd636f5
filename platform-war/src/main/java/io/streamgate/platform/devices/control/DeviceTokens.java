package io.streamgate.platform.devices.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.streamgate.common.Spec;
import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.devices.entity.DeviceRole;
import io.streamgate.platform.signing.control.KeyRing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * Devices' access tokens: RS256 JWTs signed with the platform's playback signing key but of their
 * own {@code typ} ({@value #TYPE_NAME}) and audience ({@value #AUDIENCE}). Media servers and the
 * playback API accept only the playback {@code typ}, and this verifier only its own, so neither
 * kind of token is ever taken for the other.
 */
@ApplicationScoped
public class DeviceTokens {

  static final String TYPE_NAME = "streamgate-access+jwt";
  static final JOSEObjectType TYPE = new JOSEObjectType(TYPE_NAME);
  static final String AUDIENCE = "streamgate-admin-api";
  static final String ISSUER = "streamgate-platform";
  static final String ROLE = "role";

  /** How long an access token is good for. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /** The access token's claims that matter: who, and in which role. */
  public record AccessClaims(String deviceId, DeviceRole role) {}

  @Inject KeyRing keys;

  @Inject Clock clock;

  private DefaultJWTProcessor<SecurityContext> processor;

  @PostConstruct
  void init() {
    JWKSource<SecurityContext> trusted = (selector, context) -> selector.select(keys.publicKeys());
    processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, trusted));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            AUDIENCE,
            new JWTClaimsSet.Builder().issuer(ISSUER).build(),
            Set.of("sub", ROLE, "iat", "exp", "jti")) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew((int) Spec.CLOCK_SKEW_LEEWAY.toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** A new access token for the device. */
  public String mint(String deviceId, DeviceRole role) {
    RSAKey key = keys.signingKey();
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(deviceId)
            .claim(ROLE, role.label())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(RandomIds.uuid())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(TYPE).keyID(key.getKeyID()).build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("signing an access token failed", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of an access token that verifies: its type, a trusted key, the signature, issuer,
   * audience, times (with the usual leeway) and a lifetime no longer than minted; else empty.
   */
  public Optional<AccessClaims> verify(String token) {
    if (token == null || token.length() > 4096) {
      return Optional.empty();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!TYPE.equals(jwt.getHeader().getType())) {
        return Optional.empty(); // a playback token, or anything else: not ours to judge
      }
      JWTClaimsSet claims = processor.process(jwt, null);
      Instant issued = claims.getIssueTime().toInstant();
      Instant expires = claims.getExpirationTime().toInstant();
      if (expires.isAfter(issued.plus(LIFETIME))
          || issued.isAfter(clock.instant().plus(Spec.CLOCK_SKEW_LEEWAY))) {
        return Optional.empty();
      }
      return DeviceRole.ofLabel(claims.getStringClaim(ROLE))
          .map(role -> new AccessClaims(claims.getSubject(), role));
    } catch (ParseException | BadJOSEException | JOSEException | IllegalStateException e) {
      return Optional.empty();
    }
  }
}

package io.streamgate.common.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.streamgate.common.Spec;
import io.streamgate.common.playback.InvalidPlaybackTokenException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaybackTokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final Duration LEEWAY = Duration.ofSeconds(30);

  private static RSAKey key;
  private static RSAKey otherKey;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k1").generate();
    otherKey = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k2").generate();
  }

  private PlaybackTokenVerifier verifierTrusting(RSAKey... trusted) {
    List<com.nimbusds.jose.jwk.JWK> publicKeys =
        java.util.Arrays.stream(trusted)
            .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
            .toList();
    return new PlaybackTokenVerifier(() -> new JWKSet(publicKeys), clock, LEEWAY);
  }

  private static final String CODE_ID = "0f8c2a4e-7b1d-4c3e-9a6f-2d5b8e1c4a70";

  private static PlaybackClaims claimsAt(Instant iat) {
    return PlaybackClaims.playback(
        CODE_ID, "evt-1", "sid-1", iat, iat.plus(Spec.PLAYBACK_TOKEN_LIFETIME));
  }

  private Reason rejection(PlaybackTokenVerifier verifier, String token) {
    return assertThrows(InvalidPlaybackTokenException.class, () -> verifier.verify(token)).reason();
  }

  @Test
  void aTokenSignedByATrustedKeyRoundTrips() throws Exception {
    PlaybackClaims claims = claimsAt(NOW.minusSeconds(60));
    String token = new PlaybackTokenSigner(key).sign(claims);
    assertEquals(claims, verifierTrusting(key).verify(token));
  }

  @Test
  void aTokenMintedBeforeOpaqueSubjectsStillVerifiesAndSaysSo() throws Exception {
    // Signed as the previous version did: the raw code in sub. It verifies for its remaining
    // lifetime, so the platform can renew it; media servers refuse it (legacySubject).
    SignedJWT legacy =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(PlaybackTokens.TYPE).keyID("k1").build(),
            claimsSet(NOW.minusSeconds(60)));
    legacy.sign(new RSASSASigner(key));

    PlaybackClaims verified = verifierTrusting(key).verify(legacy.serialize());

    assertEquals("ABCD2345WXYZ", verified.sub());
    assertTrue(verified.legacySubject());
    assertFalse(
        verifierTrusting(key)
            .verify(new PlaybackTokenSigner(key).sign(claimsAt(NOW)))
            .legacySubject());
  }

  @Test
  void probeTokensKeepTheirProbeFlag() throws Exception {
    PlaybackClaims probe = PlaybackClaims.probe("evt-1", NOW, NOW.plusSeconds(10));
    PlaybackClaims verified =
        verifierTrusting(key).verify(new PlaybackTokenSigner(key).sign(probe));
    assertTrue(verified.probe());
    assertFalse(verified.legacySubject(), "a probe token names no code at all");
    assertEquals("/streams/evt-1/", verified.sp());
  }

  @Test
  void olderKeysStillVerifyAfterRotation() throws Exception {
    String token = new PlaybackTokenSigner(otherKey).sign(claimsAt(NOW));
    assertEquals("sid-1", verifierTrusting(key, otherKey).verify(token).sid());
  }

  @Test
  void rejectsABadSignature() throws Exception {
    String token = new PlaybackTokenSigner(key).sign(claimsAt(NOW));
    String[] parts = token.split("\\.");
    String tampered =
        parts[0]
            + "."
            + new PlaybackTokenSigner(key).sign(claimsAt(NOW.minusSeconds(1))).split("\\.")[1]
            + "."
            + parts[2];
    assertEquals(Reason.BAD_SIGNATURE, rejection(verifierTrusting(key), tampered));
  }

  @Test
  void rejectsATokenSignedByAnotherKeyUnderATrustedKid() throws Exception {
    RSAKey impostor = new RSAKeyGenerator(2048).keyID("k1").generate();
    String token = new PlaybackTokenSigner(impostor).sign(claimsAt(NOW));
    assertEquals(Reason.BAD_SIGNATURE, rejection(verifierTrusting(key), token));
  }

  @Test
  void rejectsAnUnknownKid() {
    String token = new PlaybackTokenSigner(otherKey).sign(claimsAt(NOW));
    assertEquals(Reason.UNKNOWN_KEY, rejection(verifierTrusting(key), token));
  }

  @Test
  void rejectsAlgNone() {
    PlainJWT unsigned =
        new PlainJWT(
            new PlainHeader.Builder().type(PlaybackTokens.TYPE).build(),
            new JWTClaimsSet.Builder()
                .subject("ABCD2345WXYZ")
                .claim("eid", "evt-1")
                .claim("sid", "s")
                .claim("sp", "/streams/evt-1/")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .build());
    assertEquals(Reason.MALFORMED, rejection(verifierTrusting(key), unsigned.serialize()));
  }

  @Test
  void rejectsHs256SignedWithThePublicKey() throws Exception {
    // The classic confusion attack: HMAC keyed with the RSA public key a verifier might trust.
    byte[] secret = key.toPublicJWK().toRSAPublicKey().getEncoded();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(PlaybackTokens.TYPE).keyID("k1").build(),
            claimsSet(NOW));
    jwt.sign(new MACSigner(secret));
    assertEquals(Reason.UNSUPPORTED_ALGORITHM, rejection(verifierTrusting(key), jwt.serialize()));
  }

  @Test
  void rejectsAnExpiredTokenOnlyPastTheLeeway() throws Exception {
    Instant iat = NOW.minus(Spec.PLAYBACK_TOKEN_LIFETIME);
    String justExpired = new PlaybackTokenSigner(key).sign(claimsAt(iat.minusSeconds(29)));
    assertEquals("sid-1", verifierTrusting(key).verify(justExpired).sid());
    String expired = new PlaybackTokenSigner(key).sign(claimsAt(iat.minusSeconds(31)));
    assertEquals(Reason.EXPIRED, rejection(verifierTrusting(key), expired));
  }

  @Test
  void rejectsATokenIssuedInTheFuturePastTheLeeway() throws Exception {
    String skewed = new PlaybackTokenSigner(key).sign(claimsAt(NOW.plusSeconds(20)));
    assertEquals("sid-1", verifierTrusting(key).verify(skewed).sid());
    String future = new PlaybackTokenSigner(key).sign(claimsAt(NOW.plusSeconds(120)));
    assertEquals(Reason.NOT_YET_VALID, rejection(verifierTrusting(key), future));
  }

  @Test
  void rejectsAWrongType() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("k1").build(),
            claimsSet(NOW));
    jwt.sign(new RSASSASigner(key));
    assertEquals(Reason.WRONG_TYPE, rejection(verifierTrusting(key), jwt.serialize()));
  }

  @Test
  void rejectsHeaderSuppliedKeys() throws Exception {
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("k1").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(PlaybackTokens.TYPE)
                .keyID("k1")
                .jwk(attacker.toPublicJWK())
                .build(),
            claimsSet(NOW));
    jwt.sign(new RSASSASigner(attacker));
    assertEquals(Reason.MALFORMED, rejection(verifierTrusting(key), jwt.serialize()));
  }

  @Test
  void rejectsMissingClaimsAndAStreamPathForAnotherEvent() throws Exception {
    SignedJWT noSession =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(PlaybackTokens.TYPE).keyID("k1").build(),
            new JWTClaimsSet.Builder(claimsSet(NOW)).claim("sid", null).build());
    noSession.sign(new RSASSASigner(key));
    assertEquals(Reason.MISSING_CLAIM, rejection(verifierTrusting(key), noSession.serialize()));

    SignedJWT otherPath =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).type(PlaybackTokens.TYPE).keyID("k1").build(),
            new JWTClaimsSet.Builder(claimsSet(NOW)).claim("sp", "/streams/").build());
    otherPath.sign(new RSASSASigner(key));
    assertEquals(Reason.MALFORMED, rejection(verifierTrusting(key), otherPath.serialize()));
  }

  @Test
  void rejectsATokenThatLivesLongerThanThePlatformMints() throws Exception {
    PlaybackTokenSigner signer = new PlaybackTokenSigner(key);
    Instant iat = NOW.minusSeconds(60);
    String skewed =
        signer.sign(
            PlaybackClaims.playback(CODE_ID, "evt-1", "sid-1", iat, iat.plusSeconds(3600 + 20)));
    assertEquals("sid-1", verifierTrusting(key).verify(skewed).sid(), "within the leeway");
    String thirtyDays =
        signer.sign(
            PlaybackClaims.playback(CODE_ID, "evt-1", "sid-1", iat, iat.plus(Duration.ofDays(30))));
    assertEquals(Reason.TOO_LONG_LIVED, rejection(verifierTrusting(key), thirtyDays));
    String longProbe = signer.sign(PlaybackClaims.probe("evt-1", iat, iat.plusSeconds(3600)));
    assertEquals(Reason.TOO_LONG_LIVED, rejection(verifierTrusting(key), longProbe));
  }

  @Test
  void acceptsOnlyTheCanonicalSpellingOfAToken() throws Exception {
    PlaybackTokenVerifier verifier = verifierTrusting(key);
    String token = null;
    for (int i = 0; token == null || token.indexOf('-') < 0 || token.indexOf('_') < 0; i++) {
      token = new PlaybackTokenSigner(key).sign(claimsAt(NOW.minusSeconds(i)));
    }
    List<String> spellings = TokenSpellings.of(token);
    assertEquals(3, spellings.size());
    for (String spelling : spellings) {
      assertEquals(Reason.MALFORMED, rejection(verifier, spelling), spelling);
    }
    assertEquals("sid-1", verifier.verify(token).sid());
  }

  @Test
  void rejectsGarbage() {
    PlaybackTokenVerifier verifier = verifierTrusting(key);
    assertEquals(Reason.MALFORMED, rejection(verifier, null));
    assertEquals(Reason.MALFORMED, rejection(verifier, ""));
    assertEquals(Reason.MALFORMED, rejection(verifier, "not.a.jwt"));
    assertEquals(Reason.MALFORMED, rejection(verifier, "x".repeat(10_000)));
  }

  private static JWTClaimsSet claimsSet(Instant iat) {
    return new JWTClaimsSet.Builder()
        .subject("ABCD2345WXYZ")
        .claim("eid", "evt-1")
        .claim("sid", "sid-1")
        .claim("sp", "/streams/evt-1/")
        .issueTime(Date.from(iat))
        .expirationTime(Date.from(iat.plusSeconds(3600)))
        .build();
  }
}

package io.streamgate.common.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.common.playback.InvalidPlaybackTokenException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachingTokenVerifierTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String CODE_ID = "5e2d9c7a-1f3b-4a8e-b6d0-c9e4f7a21b35";

  private static RSAKey key;

  private static RSAKey impostor;

  private final AtomicReference<JWKSet> trusted = new AtomicReference<>();
  private final AtomicInteger keyLookups = new AtomicInteger();
  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final CachingTokenVerifier verifier =
      new CachingTokenVerifier(
          () -> {
            keyLookups.incrementAndGet();
            return trusted.get();
          },
          clock);

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k1").generate();
    impostor = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k1").generate();
  }

  @BeforeEach
  void trustTheKey() {
    trusted.set(new JWKSet(key.toPublicJWK()));
  }

  private static String token(Instant exp) {
    return new PlaybackTokenSigner(key)
        .sign(PlaybackClaims.playback(CODE_ID, "e", "s", exp.minusSeconds(3600), exp));
  }

  @Test
  void aTokenIsCheckedOnceThenAnsweredFromMemory() throws Exception {
    String token = token(NOW.plusSeconds(600));
    verifier.verify(token);
    // Under the same kid now sits a key that would not verify the signature: it is not checked
    // again, only whether a key of that id is still trusted.
    trusted.set(new JWKSet(impostor.toPublicJWK()));
    for (int i = 0; i < 5; i++) {
      assertEquals(CODE_ID, verifier.verify(token).sub());
    }
  }

  @Test
  void aRetiredKeysCachedTokensAreRefusedAtOnce() throws Exception {
    String token = token(NOW.plusSeconds(600));
    assertEquals("e", verifier.verify(token).eid());
    trusted.set(new JWKSet());
    assertEquals(
        Reason.UNKNOWN_KEY,
        assertThrows(InvalidPlaybackTokenException.class, () -> verifier.verify(token)).reason());
    trusted.set(new JWKSet(key.toPublicJWK()));
    assertEquals("e", verifier.verify(token).eid(), "verified afresh once the key is back");
  }

  @Test
  void otherSpellingsOfAVerifiedTokenAreRefused() throws Exception {
    String token = token(NOW.plusSeconds(600));
    verifier.verify(token);
    for (String spelling : TokenSpellings.of(token)) {
      assertEquals(
          Reason.MALFORMED,
          assertThrows(InvalidPlaybackTokenException.class, () -> verifier.verify(spelling))
              .reason(),
          spelling);
    }
    assertEquals("e", verifier.verify(token).eid());
  }

  @Test
  void aCachedTokenStillExpires() throws Exception {
    String token = token(NOW.plusSeconds(600));
    verifier.verify(token);
    now.set(NOW.plus(Duration.ofMinutes(11)));
    assertEquals(
        Reason.EXPIRED,
        assertThrows(InvalidPlaybackTokenException.class, () -> verifier.verify(token)).reason());
  }

  @Test
  void aForgedTokenIsRefusedEveryTimeButCheckedOnce() throws Exception {
    String token = token(NOW.plusSeconds(600));
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    for (int i = 0; i < 3; i++) {
      assertEquals(
          Reason.BAD_SIGNATURE,
          assertThrows(InvalidPlaybackTokenException.class, () -> verifier.verify(forged))
              .reason());
    }
    assertEquals(1, keyLookups.get());
    assertEquals(CODE_ID, verifier.verify(token).sub(), "good tokens are unaffected");
  }
}

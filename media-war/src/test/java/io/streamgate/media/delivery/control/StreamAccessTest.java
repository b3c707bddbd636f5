package io.streamgate.media.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenSigner;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.media.MovableClock;
import io.streamgate.media.access.control.RevocationView;
import io.streamgate.media.keys.control.PlatformKeys;
import io.streamgate.media.keys.control.TrustedKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gate's decision, request by request, as a viewer or an attacker would meet it. */
class StreamAccessTest {

  private static final String CODE_ID = "5e2d9c7a-1f3b-4a8e-b6d0-c9e4f7a21b35";
  private static final String SEGMENT = "/demo/720p/seg_000.ts";
  private static final String MANIFEST = "/demo/master.m3u8";

  private static RSAKey key;
  private static RSAKey stranger;
  private static RSAKey impostor;

  private final MovableClock clock = new MovableClock();
  private final RevocationView revocations = new RevocationView();
  private final StreamAccess access = new StreamAccess();

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k1").generate();
    stranger = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k2").generate();
    impostor = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k1").generate();
  }

  StreamAccessTest() {
    TrustedKeys trusted = new TrustedKeys();
    trusted.replaceWith(List.of(key));
    access.tokens = new TokenCache();
    access.tokens.keys = trusted;
    access.tokens.clock = clock;
    access.tokens.start();
    access.keys = new PlatformKeys(); // not started: no platform to fetch unknown keys from
    access.revocations = revocations;
  }

  private String token(RSAKey signing, String eventId, String sessionId) {
    Instant now = clock.instant();
    return new PlaybackTokenSigner(signing)
        .sign(PlaybackClaims.playback(CODE_ID, eventId, sessionId, now, now.plusSeconds(300)));
  }

  private String viewerToken() {
    return token(key, "demo", "session-1");
  }

  private String probeToken() {
    Instant now = clock.instant();
    return new PlaybackTokenSigner(key)
        .sign(PlaybackClaims.probe("demo", now, now.plusSeconds(10)));
  }

  private StreamAccess.Verdict get(String token, String path) {
    return access.decide(token, path);
  }

  private static void assertRefused(StreamAccess.Verdict verdict, int status, String reason) {
    assertFalse(verdict.passes(), verdict.toString());
    assertEquals(status, verdict.status(), verdict.toString());
    assertEquals(reason, verdict.refusal(), verdict.toString());
    assertNull(verdict.claims(), "nothing of a refused token goes on");
  }

  @Test
  void aValidTokenOpensAFileOfItsEvent() {
    StreamAccess.Verdict verdict = get(viewerToken(), SEGMENT);
    assertTrue(verdict.passes(), verdict.toString());
    assertEquals("demo", verdict.claims().eid());
    assertEquals("session-1", verdict.claims().sid());
    assertEquals("720p/seg_000.ts", verdict.stream().file());
    assertTrue(access.decide(viewerToken(), MANIFEST).passes());
  }

  @Test
  void noTokenIsAskedFor() {
    assertRefused(get(null, SEGMENT), 401, "no-token");
    assertRefused(get("", SEGMENT), 401, "no-token");
  }

  @Test
  void somethingThatIsNoJwtIsAskedFor() {
    assertRefused(get("not-a-jwt", SEGMENT), 401, "malformed");
  }

  @Test
  void anExpiredTokenIsRefusedOnceThePlatformsLeewayIsOver() {
    String token = viewerToken();
    assertTrue(get(token, SEGMENT).passes());
    clock.move(Duration.ofSeconds(300 + 29));
    assertTrue(get(token, SEGMENT).passes(), "within the clock-skew leeway");
    clock.move(Duration.ofSeconds(2));
    assertRefused(get(token, SEGMENT), 403, "expired");
  }

  @Test
  void aTokenOfAnotherEventOpensNothingHere() {
    assertRefused(get(token(key, "other", "session-1"), SEGMENT), 403, "path");
  }

  @Test
  void forgedTokensAreRefusedWithTheirReason() {
    assertRefused(get(token(stranger, "demo", "s"), SEGMENT), 403, "unknown-key");
    assertRefused(get(token(impostor, "demo", "s"), SEGMENT), 403, "bad-signature");
  }

  @Test
  void aRevokedCodeADeactivatedEventAndAnEndedSessionAreRefused() {
    String token = viewerToken();
    assertTrue(get(token, SEGMENT).passes());

    revocations.revokeCode(CODE_ID);
    assertRefused(get(token, SEGMENT), 403, "revoked");
    revocations.restoreCode(CODE_ID);
    assertTrue(get(token, SEGMENT).passes(), "restored");

    revocations.endSession("session-1");
    assertRefused(get(token, SEGMENT), 403, "revoked");
    assertTrue(get(token(key, "demo", "session-2"), SEGMENT).passes(), "the new device plays");

    revocations.deactivateEvent("demo");
    assertRefused(get(token(key, "demo", "session-2"), SEGMENT), 403, "revoked");
  }

  @Test
  void aProbeTokenOpensPlaylistsOnly() {
    assertTrue(access.decide(probeToken(), MANIFEST).passes());
    assertRefused(get(probeToken(), SEGMENT), 403, "probe-file");
    assertRefused(get(probeToken(), "/demo/enc.key"), 403, "probe-file");
  }

  @Test
  void theFileIsTheContainerMappedOneAndOnlyPlainNamesPass() {
    String token = viewerToken();
    assertTrue(access.decide(token, SEGMENT).passes());
    for (String mapped :
        List.of(
            "/demo/../demo/720p/seg_000.ts",
            "/demo/720p/seg%5F000.ts",
            "/demo//720p/seg_000.ts",
            "/other/720p/seg_000.ts")) {
      assertRefused(access.decide(token, mapped), 403, "path");
    }
    assertRefused(access.decide(token, null), 403, "path");
    assertRefused(access.decide(token, "/demo/secret.pem"), 403, "path");
  }

  @Test
  void theTokenIsCheckedBeforeThePath() {
    assertRefused(access.decide(null, "/demo/../x"), 401, "no-token");
    assertRefused(get(token(stranger, "demo", "s"), "/nowhere"), 403, "unknown-key");
  }
}

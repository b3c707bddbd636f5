package io.streamgate.common.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.common.ids.RandomIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A playback token is readable by anyone who sees it, so it must never carry an access code. */
class PlaybackTokenSignerTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String CODE = "ABCD2345WXYZ";

  private static RSAKey key;

  @BeforeAll
  static void key() throws Exception {
    key = new RSAKeyGenerator(PlaybackTokens.KEY_SIZE).keyID("k1").generate();
  }

  private static String payload(String token) {
    return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
  }

  @Test
  void theSubjectIsTheCodesIdAndThePayloadHoldsNothingElseOfIt() throws Exception {
    String codeId = RandomIds.uuid();

    String token =
        new PlaybackTokenSigner(key)
            .sign(PlaybackClaims.playback(codeId, "evt-1", "sid-1", NOW, NOW.plusSeconds(3600)));

    String payload = payload(token);
    assertTrue(payload.contains("\"sub\":\"" + codeId + "\""), payload);
    assertEquals(
        java.util.Set.of("sub", "eid", "sid", "sp", "iat", "exp"),
        com.nimbusds.jose.util.JSONObjectUtils.parse(payload).keySet(),
        "no claim beyond the six known ones");
  }

  @Test
  void aRawCodeCannotBecomeATokensSubject() {
    assertThrows(
        IllegalArgumentException.class,
        () -> PlaybackClaims.playback(CODE, "evt-1", "sid-1", NOW, NOW.plusSeconds(3600)));
    PlaybackClaims smuggled =
        new PlaybackClaims(
            CODE, "evt-1", "sid-1", "/streams/evt-1/", NOW, NOW.plusSeconds(3600), false);
    assertThrows(IllegalArgumentException.class, () -> new PlaybackTokenSigner(key).sign(smuggled));
  }

  @Test
  void codeIdsAreRecognisedAndCodesAreNot() {
    assertTrue(PlaybackClaims.isCodeId(RandomIds.uuid()));
    assertFalse(PlaybackClaims.isCodeId(CODE));
    assertFalse(PlaybackClaims.isCodeId("ABCD-2345-WXYZ"));
    assertFalse(PlaybackClaims.isCodeId(RandomIds.uuid().toUpperCase()));
    assertFalse(PlaybackClaims.isCodeId(RandomIds.uuid() + "\n"));
    assertFalse(PlaybackClaims.isCodeId(""));
    assertFalse(PlaybackClaims.isCodeId(null));
  }
}

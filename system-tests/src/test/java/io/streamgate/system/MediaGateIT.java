package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The media server lets nothing through without a playback JWT it can verify. */
@ExtendWith(StreamGateExtension.class)
class MediaGateIT {

  private static final String MANIFEST = "/streams/demo/master.m3u8";

  @Test
  void noTokenIsUnauthorized(LaunchedStreamGate streamGate) {
    assertEquals(401, streamGate.get(MANIFEST).statusCode());
    assertEquals(401, streamGate.get("/streams/demo/720p/seg_000.ts").statusCode());
  }

  @Test
  void garbageTokensAreUnauthorized(LaunchedStreamGate streamGate) {
    assertEquals(
        401, streamGate.get(MANIFEST, Map.of("Authorization", "Bearer not-a-jwt")).statusCode());
    assertEquals(401, streamGate.get(MANIFEST, Map.of("Authorization", "Bearer ")).statusCode());
    assertEquals(401, streamGate.get(MANIFEST + "?__token=abc.def.ghi").statusCode());
  }

  @Test
  void unsignedTokensAreUnauthorized(LaunchedStreamGate streamGate) {
    Instant now = Instant.now();
    String unsigned =
        new PlainJWT(
                new PlainHeader.Builder()
                    .type(new JOSEObjectType("streamgate-playback+jwt"))
                    .build(),
                new JWTClaimsSet.Builder()
                    .subject("ABCD2345WXYZ")
                    .claim("eid", "demo")
                    .claim("sid", "s")
                    .claim("sp", "/streams/demo/")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(600)))
                    .build())
            .serialize();
    assertEquals(
        401, streamGate.get(MANIFEST, Map.of("Authorization", "Bearer " + unsigned)).statusCode());
  }

  @Test
  void tokensSignedByAKeyTheServerDoesNotTrustAreUnauthorized(LaunchedStreamGate streamGate)
      throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
    Instant now = Instant.now();
    String token =
        new PlaybackTokenSigner(stranger)
            .sign(
                PlaybackClaims.playback(
                    "ABCD2345WXYZ", "demo", "sid", now, now.plus(Duration.ofHours(1))));
    assertEquals(
        401, streamGate.get(MANIFEST, Map.of("Authorization", "Bearer " + token)).statusCode());
    assertEquals(401, streamGate.get(MANIFEST + "?__token=" + token).statusCode());
  }
}

package io.streamgate.platform.playback.control;

import io.streamgate.common.Spec;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.signing.control.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** Mints playback and probe JWTs with the newest signing key. */
@ApplicationScoped
public class PlaybackTokenMint {

  /** A minted token and when it stops working. */
  public record Minted(String token, Instant issuedAt, Instant expiresAt, long expiresInSeconds) {}

  @Inject KeyRing keys;

  @Inject Clock clock;

  /** A viewer's token, naming the code by its opaque id: tokens end up in URLs and logs. */
  public Minted playback(String codeId, String eventId, String sessionId) {
    Instant now = clock.instant();
    Instant exp = now.plus(Spec.PLAYBACK_TOKEN_LIFETIME);
    String token =
        keys.signer().sign(PlaybackClaims.playback(codeId, eventId, sessionId, now, exp));
    return new Minted(token, now, exp, Spec.PLAYBACK_TOKEN_LIFETIME.toSeconds());
  }

  public String probe(String eventId) {
    Instant now = clock.instant();
    return keys.signer()
        .sign(PlaybackClaims.probe(eventId, now, now.plus(Spec.PROBE_TOKEN_LIFETIME)));
  }
}

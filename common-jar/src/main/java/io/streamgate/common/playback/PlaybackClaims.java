package io.streamgate.common.playback;

import java.time.Instant;
import java.util.Objects;

/**
 * What a playback JWT says.
 *
 * @param sub the access code (canonical form); absent on probe tokens
 * @param eid the event id
 * @param sid the viewer session that holds the code's single-device slot; absent on probe tokens
 * @param sp the stream-path prefix the token opens, {@code /streams/<eid>/}
 * @param iat when the token was minted
 * @param exp when it stops being accepted
 * @param probe a probe token may only HEAD the manifest, to find out whether a stream is live
 */
public record PlaybackClaims(
    String sub, String eid, String sid, String sp, Instant iat, Instant exp, boolean probe) {

  public PlaybackClaims {
    Objects.requireNonNull(eid, "eid");
    Objects.requireNonNull(sp, "sp");
    Objects.requireNonNull(iat, "iat");
    Objects.requireNonNull(exp, "exp");
    if (!probe) {
      Objects.requireNonNull(sub, "sub");
      Objects.requireNonNull(sid, "sid");
    }
    if (!exp.isAfter(iat)) {
      throw new IllegalArgumentException("exp must be after iat");
    }
  }

  /** Claims of a viewer's playback token for one event. */
  public static PlaybackClaims playback(
      String code, String eventId, String sessionId, Instant issuedAt, Instant expiresAt) {
    return new PlaybackClaims(
        code, eventId, sessionId, StreamPaths.prefix(eventId), issuedAt, expiresAt, false);
  }

  /** Claims of a probe token, which may only HEAD the event's manifest. */
  public static PlaybackClaims probe(String eventId, Instant issuedAt, Instant expiresAt) {
    return new PlaybackClaims(
        null, eventId, null, StreamPaths.prefix(eventId), issuedAt, expiresAt, true);
  }
}

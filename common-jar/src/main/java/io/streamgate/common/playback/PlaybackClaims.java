package io.streamgate.common.playback;

import java.time.Instant;
import java.util.Objects;

/**
 * What a playback JWT says.
 *
 * @param sub the opaque id of the access code (a random UUID stored with the code), never the code
 *     itself: tokens travel in URLs and logs, and whoever reads one must not learn a code to
 *     redeem; absent on probe tokens. Tokens minted before this rule carry the raw code here
 *     ({@link #legacySubject()}).
 * @param eid the event id
 * @param sid the viewer session that holds the code's single-device slot; absent on probe tokens
 * @param sp the stream-path prefix the token opens, {@code /streams/<eid>/}
 * @param iat when the token was minted
 * @param exp when it stops being accepted
 * @param probe a probe token opens the event's playlists only, to find out whether a stream is live
 */
public record PlaybackClaims(
    String sub, String eid, String sid, String sp, Instant iat, Instant exp, boolean probe) {

  private static final int CODE_ID_LENGTH = 36;

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

  /**
   * Claims of a viewer's playback token for one event, naming the code by its opaque id.
   *
   * @throws IllegalArgumentException when {@code codeId} is not a code id (a raw code, say)
   */
  public static PlaybackClaims playback(
      String codeId, String eventId, String sessionId, Instant issuedAt, Instant expiresAt) {
    if (!isCodeId(codeId)) {
      throw new IllegalArgumentException("a playback token names its code by the code's id");
    }
    return new PlaybackClaims(
        codeId, eventId, sessionId, StreamPaths.prefix(eventId), issuedAt, expiresAt, false);
  }

  /**
   * Whether {@code value} has the form of a code id, a UUID in its canonical lower-case form (and
   * so is not an access code, which is 12 upper-case characters). Written out rather than a regex:
   * media servers ask it on every request.
   */
  public static boolean isCodeId(String value) {
    if (value == null || value.length() != CODE_ID_LENGTH) {
      return false;
    }
    for (int i = 0; i < CODE_ID_LENGTH; i++) {
      char c = value.charAt(i);
      boolean ok =
          i == 8 || i == 13 || i == 18 || i == 23
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * True for a viewer token minted before subjects were opaque, whose {@code sub} is the raw code.
   * Such tokens still verify until they expire (at most {@code PLAYBACK_TOKEN_LIFETIME}); media
   * servers refuse them, and the platform lets them refresh (finding the code by the session id).
   */
  public boolean legacySubject() {
    return !probe && !isCodeId(sub);
  }

  /** Claims of a probe token, which opens the event's playlists only. */
  public static PlaybackClaims probe(String eventId, Instant issuedAt, Instant expiresAt) {
    return new PlaybackClaims(
        null, eventId, null, StreamPaths.prefix(eventId), issuedAt, expiresAt, true);
  }
}

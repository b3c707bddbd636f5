package io.streamgate.media.delivery.control;

import io.streamgate.common.playback.InvalidPlaybackTokenException;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.access.control.RevocationView;
import io.streamgate.media.keys.control.PlatformKeys;
import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a playback JWT opens the file a request asks for: the decision the delivery gate
 * enforces, without the servlet API. Checks, in memory and in this order: a token at all, its
 * signature (once per token) and lifetime, the file inside the token's event and stream path, probe
 * tokens (the platform's, 10 seconds long) playlists only, code/event/session not revoked.
 *
 * <p>The file is the one the container mapped ({@code getPathInfo()}, decoded and normalised), and
 * only that path is read: what is checked is what is served.
 */
@ApplicationScoped
public class StreamAccess {

  /** Refusal reasons that are not a token's own ({@link InvalidPlaybackTokenException.Reason}). */
  public static final String NO_TOKEN = "no-token";

  public static final String PATH = "path";
  public static final String PROBE_FILE = "probe-file";
  public static final String REVOKED = "revoked";

  @Inject TokenCache tokens;

  @Inject PlatformKeys keys;

  @Inject RevocationView revocations;

  /**
   * The answer to one request.
   *
   * @param status 200 when the request may go on, else the status to refuse it with
   * @param refusal why it was refused, as the refusal metric names it; null when it may go on
   * @param claims the verified token's claims, when it may go on
   * @param stream the file it asks for, when it may go on
   */
  public record Verdict(int status, String refusal, PlaybackClaims claims, StreamRequest stream) {

    static Verdict through(PlaybackClaims claims, StreamRequest stream) {
      return new Verdict(200, null, claims, stream);
    }

    static Verdict refused(int status, String refusal) {
      return new Verdict(status, refusal, null, null);
    }

    public boolean passes() {
      return refusal == null;
    }
  }

  /**
   * Decides a GET or HEAD request.
   *
   * @param token the playback JWT the request carries (header or query), or null
   * @param mappedPath the path the container mapped to the stream servlet ({@code getPathInfo()})
   */
  public Verdict decide(String token, String mappedPath) {
    if (token == null || token.isEmpty()) {
      return Verdict.refused(401, NO_TOKEN);
    }
    PlaybackClaims claims;
    try {
      claims = verify(token);
    } catch (InvalidPlaybackTokenException e) {
      boolean malformed = e.reason() == InvalidPlaybackTokenException.Reason.MALFORMED;
      return Verdict.refused(
          malformed ? 401 : 403, e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    Optional<StreamRequest> stream = StreamRequest.fromMappedPath(mappedPath);
    if (stream.isEmpty()
        || !stream.get().eventId().equals(claims.eid())
        || !stream.get().streamPath().startsWith(claims.sp())) {
      return Verdict.refused(403, PATH);
    }
    if (claims.probe() && !stream.get().type().isManifest()) {
      return Verdict.refused(403, PROBE_FILE);
    }
    if (revocations.refuses(claims.sub(), claims.eid(), claims.sid())) {
      return Verdict.refused(403, REVOKED);
    }
    return Verdict.through(claims, stream.get());
  }

  /** Verifies; a token of a key not known yet is verified again once the keys were re-fetched. */
  private PlaybackClaims verify(String token) throws InvalidPlaybackTokenException {
    try {
      return tokens.verify(token);
    } catch (InvalidPlaybackTokenException e) {
      if (e.reason() == InvalidPlaybackTokenException.Reason.UNKNOWN_KEY
          && keys.refetchForUnknownKey()) {
        return tokens.verify(token);
      }
      throw e;
    }
  }
}

package io.streamgate.platform.playback.control;

import io.streamgate.common.playback.CachingTokenVerifier;
import io.streamgate.common.playback.InvalidPlaybackTokenException;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.signing.control.KeyRing;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Authenticates the bearer of a playback JWT with the common verifier (RS256 pinned, known kid),
 * once per token: a session's heartbeats every 30 s then cost a lookup, not a signature check.
 * MicroProfile JWT is not used: it would check every Bearer header of the WAR and cannot live next
 * to the admin console's login mechanism on Payara (see STACK-NOTES).
 */
@ApplicationScoped
public class PlaybackCallers {

  @Inject KeyRing keys;

  @Inject Clock clock;

  private CachingTokenVerifier verifier;

  @PostConstruct
  void init() {
    verifier = new CachingTokenVerifier(keys::publicKeys, clock);
  }

  /** The claims of a viewer's playback token; probe tokens do not authenticate a viewer. */
  public PlaybackClaims authenticate(String token) {
    try {
      PlaybackClaims claims = verifier.verify(token);
      if (claims.probe()) {
        throw new PlaybackUnauthorizedException();
      }
      return claims;
    } catch (InvalidPlaybackTokenException e) {
      throw new PlaybackUnauthorizedException();
    }
  }
}

package io.streamgate.media.delivery.control;

import io.streamgate.common.playback.CachingTokenVerifier;
import io.streamgate.common.playback.InvalidPlaybackTokenException;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.keys.control.TrustedKeys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/** The media server's token check: one signature verification per token, then memory. */
@ApplicationScoped
public class TokenCache {

  @Inject TrustedKeys keys;

  @Inject Clock clock;

  private CachingTokenVerifier verifier;

  @PostConstruct
  void start() {
    verifier = new CachingTokenVerifier(keys::current, clock);
  }

  public PlaybackClaims verify(String token) throws InvalidPlaybackTokenException {
    return verifier.verify(token);
  }
}

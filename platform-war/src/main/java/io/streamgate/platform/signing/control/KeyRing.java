package io.streamgate.platform.signing.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.streamgate.common.playback.PlaybackTokenSigner;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The keys in use, as {@link SigningKeys} loaded them: read on every redeem and heartbeat, so a
 * plain bean with two volatile fields rather than a call into the EJB singleton (its container
 * invocation cost more than the read, on every request).
 */
@ApplicationScoped
public class KeyRing {

  private record Keys(RSAKey newest, PlaybackTokenSigner signer, JWKSet publicKeys) {}

  private volatile Keys keys;

  /** The newest key first: it signs; all of them verify. */
  void use(List<RSAKey> active) {
    keys =
        new Keys(
            active.get(0),
            new PlaybackTokenSigner(active.get(0)),
            new JWKSet(active.stream().map(k -> (JWK) k.toPublicJWK()).toList()));
  }

  /** Signs with the newest key. */
  public PlaybackTokenSigner signer() {
    return loaded().signer();
  }

  /** The newest key, private half included: it also signs devices' access tokens. */
  public RSAKey signingKey() {
    return loaded().newest();
  }

  /** The public halves of every active key, as media servers need them. */
  public JWKSet publicKeys() {
    return loaded().publicKeys();
  }

  private Keys loaded() {
    Keys loaded = keys;
    if (loaded == null) {
      throw new IllegalStateException("the signing keys are not loaded yet");
    }
    return loaded;
  }
}

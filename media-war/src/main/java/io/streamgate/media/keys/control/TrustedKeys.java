package io.streamgate.media.keys.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The public keys playback JWTs are checked against. Starts empty, so nothing plays until the
 * platform's keys have been received; replaced whole when keys rotate, so a verification never sees
 * half an update.
 */
@ApplicationScoped
public class TrustedKeys {

  private final AtomicReference<JWKSet> current = new AtomicReference<>(new JWKSet());

  /** The keys in force now. */
  public JWKSet current() {
    return current.get();
  }

  /** Trusts exactly these public keys from now on; private parts are dropped. */
  public void replaceWith(List<JWK> keys) {
    current.set(new JWKSet(keys.stream().map(JWK::toPublicJWK).toList()));
  }
}

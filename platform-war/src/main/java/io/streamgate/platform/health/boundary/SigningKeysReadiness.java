package io.streamgate.platform.health.boundary;

import io.streamgate.platform.signing.control.KeyRing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a key signs playback tokens and media servers can fetch the public keys. */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {

  @Inject KeyRing keys;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("signing-keys");
    try {
      return response
          .up()
          .withData("signing", keys.signer().kid())
          .withData("published", keys.publicKeys().getKeys().size())
          .build();
    } catch (RuntimeException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}

package io.streamgate.media.health.boundary;

import io.streamgate.media.keys.control.PlatformKeys;
import io.streamgate.media.keys.control.TrustedKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the platform's public keys are loaded: before that, no token could verify. */
@Readiness
@ApplicationScoped
public class PublicKeysReadiness implements HealthCheck {

  @Inject PlatformKeys platformKeys;

  @Inject TrustedKeys trusted;

  @Override
  public HealthCheckResponse call() {
    int keys = trusted.current().size();
    var response = HealthCheckResponse.named("public-keys-loaded").withData("keys", keys);
    platformKeys.loadedAt().ifPresent(at -> response.withData("loadedAt", at.toString()));
    return response.status(keys > 0).build();
  }
}

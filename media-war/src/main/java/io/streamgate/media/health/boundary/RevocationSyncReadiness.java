package io.streamgate.media.health.boundary;

import io.streamgate.media.access.control.RevocationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the revocation view has been loaded (from the grid or a first poll): before that this
 * server would play revoked codes. Afterwards it stays ready while the platform is unreachable and
 * reports how old its view is ({@code syncAgeSeconds}), which is what operators alert on.
 */
@Readiness
@ApplicationScoped
public class RevocationSyncReadiness implements HealthCheck {

  @Inject RevocationView view;

  @Inject Clock clock;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("revocation-sync").withData("entries", view.size());
    Optional<Instant> synced = view.syncedAt();
    if (synced.isEmpty()) {
      return response.down().withData("error", "revocation view not loaded yet").build();
    }
    return response
        .up()
        .withData("syncAgeSeconds", Duration.between(synced.get(), clock.instant()).toSeconds())
        .build();
  }
}

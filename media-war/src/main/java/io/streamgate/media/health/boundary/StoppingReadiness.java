package io.streamgate.media.health.boundary;

import io.streamgate.media.delivery.control.GracefulStop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once the server is stopping: it finishes what it serves and takes nobody new. */
@Readiness
@ApplicationScoped
public class StoppingReadiness implements HealthCheck {

  @Inject GracefulStop stop;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("accepting-viewers").status(!stop.stopping()).build();
  }
}

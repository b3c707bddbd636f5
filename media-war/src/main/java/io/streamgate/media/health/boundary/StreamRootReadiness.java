package io.streamgate.media.health.boundary;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the configured local stream folder (STREAM_ROOT) can be read, or none is set. */
@Readiness
@ApplicationScoped
public class StreamRootReadiness implements HealthCheck {

  @Inject MediaSettings settings;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("stream-root");
    Optional<Path> streamRoot = settings.streamRoot();
    if (streamRoot.isEmpty()) {
      return response.up().withData("mode", "no local streams").build();
    }
    Path root = streamRoot.get();
    return response.status(Files.isDirectory(root) && Files.isReadable(root)).build();
  }
}

package io.streamgate.platform.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long a viewer session lives without a heartbeat ({@code SESSION_TIMEOUT_SECONDS}). */
@ApplicationScoped
public class SessionPolicy {

  @Inject
  @ConfigProperty(name = "SESSION_TIMEOUT_SECONDS", defaultValue = "60")
  int timeoutSeconds;

  public Duration timeout() {
    return Duration.ofSeconds(timeoutSeconds);
  }
}

package io.streamgate.platform.sessions.control;

import io.streamgate.common.Spec;
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

  /**
   * How often a player sends a heartbeat: every 30 seconds as specified, but at least twice per
   * timeout, so that a shorter {@code SESSION_TIMEOUT_SECONDS} does not end sessions that play.
   */
  public Duration heartbeatInterval() {
    Duration twicePerTimeout = timeout().dividedBy(2);
    return twicePerTimeout.compareTo(Spec.HEARTBEAT_INTERVAL) < 0
        ? twicePerTimeout
        : Spec.HEARTBEAT_INTERVAL;
  }
}

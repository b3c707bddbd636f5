package io.streamgate.platform.sessions.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/** How long a viewer session lives without a heartbeat ({@code SESSION_TIMEOUT_SECONDS}). */
@ApplicationScoped
public class SessionPolicy {

  long timeoutSeconds;

  @Inject
  void configure(PlatformSettings settings) {
    timeoutSeconds = settings.sessionTimeoutSeconds();
  }

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

package io.streamgate.platform.settings.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the platform's settings from MicroProfile Config once, at deployment: a bad one stops
 * start-up with one line naming it (which the launcher shows), before any request is served.
 */
@ApplicationScoped
public class PlatformSettingsProducer {

  private static final System.Logger LOG =
      System.getLogger(PlatformSettingsProducer.class.getName());

  @Inject Config config;

  private PlatformSettings settings;

  /** Created at deployment, so that a bad setting stops start-up instead of a request. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs read().
  }

  @PostConstruct
  void read() {
    try {
      settings = PlatformSettings.read(name -> config.getOptionalValue(name, String.class));
    } catch (IllegalArgumentException | IllegalStateException e) {
      // One line that says what to fix, before the container's stack trace.
      LOG.log(System.Logger.Level.ERROR, e.getMessage());
      throw e;
    }
  }

  @Produces
  @Dependent
  PlatformSettings settings() {
    return settings;
  }
}

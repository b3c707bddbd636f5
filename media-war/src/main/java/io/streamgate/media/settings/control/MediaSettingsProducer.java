package io.streamgate.media.settings.control;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * Reads the media server's settings from MicroProfile Config once, at deployment: a bad one stops
 * start-up with one line naming it (which the launcher shows), before any request is served.
 */
@ApplicationScoped
public class MediaSettingsProducer {

  private static final System.Logger LOG = System.getLogger(MediaSettingsProducer.class.getName());

  @Inject Config config;

  private MediaSettings settings;

  /** Created at deployment, so that a bad setting stops start-up instead of a request. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs read().
  }

  @PostConstruct
  void read() {
    try {
      settings = MediaSettings.read(name -> config.getOptionalValue(name, String.class));
    } catch (IllegalArgumentException | IllegalStateException e) {
      // One line that says what to fix, before the container's stack trace.
      LOG.log(System.Logger.Level.ERROR, e.getMessage());
      throw e;
    }
  }

  @Produces
  @Dependent
  MediaSettings settings() {
    return settings;
  }
}

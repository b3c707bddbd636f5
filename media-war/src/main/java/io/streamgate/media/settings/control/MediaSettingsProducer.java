package io.streamgate.media.settings.control;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The settings {@link MediaSettingsCheck} read and checked at deployment, for every bean. */
@ApplicationScoped
public class MediaSettingsProducer {

  @Inject MediaSettingsCheck check;

  @Produces
  @Dependent
  MediaSettings settings() {
    return check.settings();
  }
}

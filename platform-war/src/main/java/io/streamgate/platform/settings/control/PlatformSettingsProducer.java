package io.streamgate.platform.settings.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The settings {@link PlatformSettingsCheck} read and checked at deployment, for every bean. */
@ApplicationScoped
public class PlatformSettingsProducer {

  @Inject PlatformSettingsCheck check;

  @Produces
  @Dependent
  PlatformSettings settings() {
    return check.settings();
  }
}

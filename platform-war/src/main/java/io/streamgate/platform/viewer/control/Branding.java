package io.streamgate.platform.viewer.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The name the portal shows: {@code NEXT_PUBLIC_APP_NAME} (specification) or {@code APP_NAME}. */
@Named
@ApplicationScoped
public class Branding {

  @Inject PlatformSettings settings;

  public String getAppName() {
    return settings.shownAppName();
  }
}

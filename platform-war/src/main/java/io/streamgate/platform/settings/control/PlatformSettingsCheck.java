package io.streamgate.platform.settings.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads and checks the settings while the WAR deploys, before any bean, page or health check runs:
 * a bad one fails the deployment with one line naming it (which the launcher shows), instead of a
 * context that fails later, after the server may already look ready.
 */
public class PlatformSettingsCheck implements Extension {

  private static final System.Logger LOG = System.getLogger(PlatformSettingsCheck.class.getName());

  private PlatformSettings settings;

  void check(@Observes AfterDeploymentValidation deployment) {
    try {
      settings = read();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // One line that says what to fix, before the container's stack trace.
      LOG.log(System.Logger.Level.ERROR, e.getMessage());
      deployment.addDeploymentProblem(e);
    }
  }

  /** The settings as read at deployment. */
  PlatformSettings settings() {
    return settings != null ? settings : read();
  }

  private PlatformSettings read() {
    Config config = ConfigProvider.getConfig(PlatformSettingsCheck.class.getClassLoader());
    return PlatformSettings.read(name -> config.getOptionalValue(name, String.class));
  }
}

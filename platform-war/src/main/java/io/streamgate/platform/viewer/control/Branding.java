package io.streamgate.platform.viewer.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The name the portal shows: {@code NEXT_PUBLIC_APP_NAME} (specification) or {@code APP_NAME}. */
@Named
@ApplicationScoped
public class Branding {

  @Inject
  @ConfigProperty(name = "NEXT_PUBLIC_APP_NAME")
  Optional<String> publicAppName;

  @Inject
  @ConfigProperty(name = "APP_NAME", defaultValue = "StreamGate")
  String appName;

  public String getAppName() {
    return publicAppName.filter(name -> !name.isBlank()).orElse(appName);
  }
}

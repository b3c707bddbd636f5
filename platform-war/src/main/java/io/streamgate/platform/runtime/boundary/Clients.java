package io.streamgate.platform.runtime.boundary;

import io.streamgate.platform.runtime.control.ClientAddresses;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The client address of an HTTP request, honouring {@code TRUSTED_PROXIES}. */
@ApplicationScoped
public class Clients {

  @Inject
  @ConfigProperty(name = "TRUSTED_PROXIES")
  Optional<String> trustedProxies;

  private ClientAddresses addresses;

  /** Parsed at deployment, so a malformed TRUSTED_PROXIES stops start-up instead of a request. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs init().
  }

  @PostConstruct
  void init() {
    addresses = new ClientAddresses(trustedProxies.orElse(""));
  }

  public String ip(HttpServletRequest request) {
    return addresses.clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}

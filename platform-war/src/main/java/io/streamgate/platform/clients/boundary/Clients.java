package io.streamgate.platform.clients.boundary;

import io.streamgate.common.net.ClientAddresses;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;

/** The client address of an HTTP request, honouring {@code TRUSTED_PROXIES}. */
@ApplicationScoped
public class Clients {

  @Inject PlatformSettings settings;

  private ClientAddresses addresses;

  /** Parsed at deployment, so a malformed TRUSTED_PROXIES stops start-up instead of a request. */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs init().
  }

  @PostConstruct
  void init() {
    addresses = settings.trustedProxies();
  }

  /**
   * Whether the browser reached StreamGate over HTTPS: this server's own TLS, or a trusted proxy
   * that terminated TLS and says so in {@code X-Forwarded-Proto}.
   */
  public boolean https(HttpServletRequest request) {
    return request.isSecure()
        || "https"
            .equalsIgnoreCase(
                addresses.forwardedProto(
                    request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto")));
  }

  /**
   * The address the browser used for {@code base}: with the scheme a trusted TLS-terminating proxy
   * reports, so that a viewer on HTTPS is never handed an {@code http://} media address.
   */
  public URI asSeenByBrowser(HttpServletRequest request, URI base) {
    if (!https(request) || "https".equals(base.getScheme())) {
      return base;
    }
    try {
      return new URI(
          "https", base.getUserInfo(), base.getHost(), base.getPort(), base.getPath(), null, null);
    } catch (URISyntaxException e) {
      return base;
    }
  }

  /** This application's root as the browser sees it (no trailing slash): for links it is handed. */
  public String baseUrl(HttpServletRequest request) {
    URI here = asSeenByBrowser(request, URI.create(request.getRequestURL().toString()));
    return here.resolve(request.getContextPath() + "/").toString().replaceAll("/$", "");
  }

  public String ip(HttpServletRequest request) {
    return addresses.clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}

package io.streamgate.platform.codes.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the viewer's browser finds the media server. With {@code HLS_SERVER_BASE_URL} set, its host
 * name is replaced by the one the viewer used to reach the platform (scheme and port kept), so LAN
 * and remote viewers get an address they can reach; without it, the media server is this server.
 */
@ApplicationScoped
public class PlaybackLocations {

  @Inject
  @ConfigProperty(name = "HLS_SERVER_BASE_URL")
  Optional<String> configured;

  /** The base URL for a request that reached the platform at {@code requestBase}. */
  public String baseUrl(URI requestBase) {
    if (configured.isEmpty()) {
      return origin(requestBase.getScheme(), requestBase.getHost(), requestBase.getPort());
    }
    URI media = URI.create(configured.get());
    return origin(media.getScheme(), requestBase.getHost(), media.getPort());
  }

  private static String origin(String scheme, String host, int port) {
    String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + shownHost + (port < 0 ? "" : ":" + port);
  }
}

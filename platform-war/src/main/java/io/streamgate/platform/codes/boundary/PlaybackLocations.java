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

  @Inject
  @ConfigProperty(name = "MEDIA_PROBE_URL")
  Optional<String> probe;

  /** The base URL for a request that reached the platform at {@code requestBase}. */
  public String baseUrl(URI requestBase) {
    if (configured.isEmpty()) {
      return origin(requestBase.getScheme(), requestBase.getHost(), requestBase.getPort());
    }
    URI media = URI.create(configured.get());
    return origin(media.getScheme(), requestBase.getHost(), media.getPort());
  }

  /**
   * Where this server reaches the media server to probe a stream: {@code MEDIA_PROBE_URL} when set
   * (for media servers on a private network), else the address the viewer is given.
   */
  public String probeBaseUrl(URI requestBase) {
    return probe.map(PlaybackLocations::withoutTrailingSlash).orElseGet(() -> baseUrl(requestBase));
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String origin(String scheme, String host, int port) {
    String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + shownHost + (port < 0 ? "" : ":" + port);
  }
}

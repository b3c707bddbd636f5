package io.streamgate.platform.playback.boundary;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * Where the viewer's browser finds the media server. With {@code HLS_SERVER_BASE_URL} set, its host
 * name is replaced by the one the viewer used to reach the platform (scheme and port kept), so LAN
 * and remote viewers get an address they can reach; without it, the media server is this server.
 */
@ApplicationScoped
public class PlaybackLocations {

  Optional<String> configured;

  Optional<String> probe;

  @Inject
  void configure(PlatformSettings settings) {
    configured = settings.hlsServerBaseUrl();
    probe = settings.mediaProbeUrl();
  }

  /** The base URL for a request that reached the platform at {@code requestBase}. */
  public String baseUrl(URI requestBase) {
    if (configured.isEmpty()) {
      return origin(requestBase.getScheme(), requestBase.getHost(), requestBase.getPort());
    }
    URI media = URI.create(configured.get());
    return origin(media.getScheme(), requestBase.getHost(), media.getPort());
  }

  /**
   * Where this server reaches the media server to probe a stream, from configuration only: {@code
   * MEDIA_PROBE_URL} when set (media servers on a private network), else {@code
   * HLS_SERVER_BASE_URL} as configured, else this server itself on loopback at the port the request
   * came in on. Never from a request header: a {@code Host} or {@code X-Forwarded-*} header would
   * let any client point the platform's probe, which carries a signed token, at a host of its
   * choosing.
   *
   * @param localPort the port of this server that accepted the request (from the socket)
   */
  public String probeBaseUrl(int localPort) {
    return probe
        .or(() -> configured)
        .map(PlaybackLocations::withoutTrailingSlash)
        .orElseGet(() -> "http://127.0.0.1:" + localPort);
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String origin(String scheme, String host, int port) {
    String shownHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return scheme + "://" + shownHost + (port < 0 ? "" : ":" + port);
  }
}

package io.streamgate.common.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** The one check of "an http(s) URL": settings, event URLs and events' own origins use it. */
public final class WebUrls {

  private WebUrls() {}

  /** The URL when it is an absolute {@code http://} or {@code https://} URL with a host. */
  public static Optional<URI> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(value.strip());
      String scheme = uri.getScheme();
      boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
      return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}

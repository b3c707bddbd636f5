package io.streamgate.platform.admin.boundary;

import java.net.URI;

/**
 * Whether a browser request came from a page of this site. Browsers send {@code Origin} with every
 * cross-site POST, PUT, PATCH and DELETE; a request whose origin names another host is refused even
 * before the SameSite cookie would have kept it from being logged in.
 */
public final class SameOrigin {

  private SameOrigin() {}

  /** True without an Origin header (not a browser, or a same-origin GET) or with this host's. */
  public static boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    if (host == null || "null".equals(origin)) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      String authority = uri.getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

package io.streamgate.media.keys.control;

import java.net.URI;
import java.util.Locale;

/**
 * Where the platform's public keys are fetched from ({@code PLATFORM_APP_URL}/api/keys). Over plain
 * http to another machine, whoever sits on the path can hand this server keys of their own and then
 * mint tokens it accepts; only https (or this machine's loopback) rules that out.
 *
 * @param platform the platform's base URL as configured
 */
record KeysAddress(URI platform) {

  static KeysAddress of(String platformUrl) {
    return new KeysAddress(URI.create(platformUrl.replaceAll("/+$", "")));
  }

  URI keys() {
    return URI.create(platform + "/api/keys");
  }

  /** Plain http to a host that is not this machine's loopback. */
  boolean unprotected() {
    String scheme = platform.getScheme() == null ? "" : platform.getScheme();
    return scheme.equalsIgnoreCase("http") && !loopback(platform.getHost());
  }

  private static boolean loopback(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    return name.equals("localhost")
        || name.endsWith(".localhost")
        || name.equals("[::1]")
        || name.equals("::1")
        || name.matches("127(\\.\\d{1,3}){3}");
  }
}

package io.streamgate.platform.events.control;

import io.streamgate.common.net.WebUrls;
import io.streamgate.platform.refusal.control.BadRequestException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sites that may frame an event's player ({@code /embed/{id}}): web origins, each {@code
 * http(s)://host[:port]} and nothing else, kept in canonical form (lower case, no default port) in
 * the order given, without repeats. They are written into the embed page's Content-Security-Policy
 * {@code frame-ancestors}, so every one is rebuilt from its parsed parts: no path, query, user,
 * wildcard, quote, semicolon or space ever reaches the header.
 */
public final class EmbedOrigins {

  /** At most this many sites per event. */
  public static final int MAX = 20;

  /** At most this many characters per site (twenty fit the column). */
  static final int MAX_LENGTH = 180;

  static final String EXAMPLE = "https://www.example.org";

  private static final Pattern HOST_NAME =
      Pattern.compile(
          "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*");

  private EmbedOrigins() {}

  /**
   * The canonical origins of {@code values} (null: none); refused with the first problem, which
   * names the value.
   */
  public static List<String> of(List<String> values) {
    Optional<String> problem = problem(values);
    if (problem.isPresent()) {
      throw new BadRequestException(problem.get());
    }
    return canonical(values);
  }

  /** What is wrong with {@code values} as embedding sites, if anything. */
  public static Optional<String> problem(List<String> values) {
    if (values == null) {
      return Optional.empty();
    }
    if (values.size() > MAX) {
      return Optional.of("At most " + MAX + " sites may embed an event.");
    }
    for (String value : values) {
      if (value == null || origin(value).isEmpty()) {
        return Optional.of(
            "Embedding sites must be origins such as "
                + EXAMPLE
                + " (http or https, a host name or IPv4 address and an optional port, nothing after"
                + " it): "
                + shown(value)
                + ".");
      }
    }
    return Optional.empty();
  }

  /** The origins stored for an event (space-separated), as a list; null or blank: none. */
  public static List<String> stored(String column) {
    return column == null || column.isBlank() ? List.of() : List.of(column.strip().split(" "));
  }

  /** The origins as the event's column holds them; none: null. */
  public static String column(List<String> origins) {
    return origins.isEmpty() ? null : String.join(" ", origins);
  }

  private static List<String> canonical(List<String> values) {
    if (values == null) {
      return List.of();
    }
    Set<String> origins = new LinkedHashSet<>();
    values.forEach(value -> origins.add(origin(value).orElseThrow()));
    return List.copyOf(origins);
  }

  /** {@code scheme://host[:port]} rebuilt from the parsed value, or empty if it is not one. */
  static Optional<String> origin(String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()
        || trimmed.length() > MAX_LENGTH
        || trimmed.chars().anyMatch(c -> c <= ' ')) {
      return Optional.empty();
    }
    Optional<URI> parsed = WebUrls.parse(trimmed);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    URI uri = parsed.get();
    String path = uri.getRawPath();
    if (uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || (path != null && !path.isEmpty() && !path.equals("/"))) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    // CSP source expressions have no syntax for IPv6 literals: browsers would drop such a site.
    if (!HOST_NAME.matcher(host).matches()) {
      return Optional.empty();
    }
    int port = uri.getPort();
    boolean defaultPort =
        port < 0
            || ("http".equals(scheme) && port == 80)
            || ("https".equals(scheme) && port == 443);
    if (!defaultPort && (port < 1 || port > 65535)) {
      return Optional.empty();
    }
    return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
  }

  private static String shown(String value) {
    if (value == null) {
      return "not a string";
    }
    String clean =
        value.codePoints().anyMatch(Character::isISOControl) ? "(control characters)" : value;
    return clean.length() > 60 ? clean.substring(0, 60) + "\u2026" : clean;
  }
}

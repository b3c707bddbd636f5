package io.streamgate.media.delivery.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the media server needs to know about and do to HLS playlists. */
public final class Manifests {

  /** Query parameter that carries the playback JWT when a player cannot set headers. */
  public static final String TOKEN_PARAMETER = "__token";

  private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

  private Manifests() {}

  /** A playlist with {@code #EXT-X-ENDLIST} is complete (VOD); without it, it is live. */
  public static boolean isComplete(String playlist) {
    return playlist.contains("#EXT-X-ENDLIST");
  }

  /**
   * The playlist with the token added to every relative URI in it: variant playlists, segments and
   * every tag's {@code URI="..."} (map, media, keys, i-frame playlists, parts). A player fetches
   * those relative to the playlist's URL, without its query string, so each needs its own copy.
   * Absolute URIs point elsewhere and are left alone, so the token never leaks to another host.
   */
  public static String withToken(String playlist, String rawToken) {
    String token = URLEncoder.encode(rawToken, StandardCharsets.US_ASCII);
    StringBuilder out = new StringBuilder(playlist.length() + 64 * 16);
    int start = 0;
    while (start < playlist.length()) {
      int end = playlist.indexOf('\n', start);
      int next = end < 0 ? playlist.length() : end + 1;
      String line = playlist.substring(start, end < 0 ? playlist.length() : end);
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        out.append(line);
      } else if (trimmed.startsWith("#")) {
        out.append(tagWithToken(line, token));
      } else {
        out.append(uriWithToken(trimmed, token));
        if (line.endsWith("\r")) {
          out.append('\r');
        }
      }
      if (end >= 0) {
        out.append('\n');
      }
      start = next;
    }
    return out.toString();
  }

  private static String tagWithToken(String line, String token) {
    if (!line.contains("URI=\"")) {
      return line;
    }
    Matcher matcher = URI_ATTRIBUTE.matcher(line);
    StringBuilder out = new StringBuilder(line.length() + token.length() + 16);
    while (matcher.find()) {
      matcher.appendReplacement(
          out, Matcher.quoteReplacement("URI=\"" + uriWithToken(matcher.group(1), token) + "\""));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String uriWithToken(String uri, String token) {
    if (uri.isEmpty() || isAbsolute(uri)) {
      return uri;
    }
    int fragment = uri.indexOf('#');
    String base = fragment < 0 ? uri : uri.substring(0, fragment);
    String tail = fragment < 0 ? "" : uri.substring(fragment);
    char separator = base.indexOf('?') < 0 ? '?' : '&';
    return base + separator + TOKEN_PARAMETER + "=" + token + tail;
  }

  /** With a scheme ({@code https:}) or a host ({@code //cdn}); a path from the root is relative. */
  private static boolean isAbsolute(String uri) {
    if (uri.startsWith("/")) {
      return uri.startsWith("//");
    }
    int colon = uri.indexOf(':');
    int slash = uri.indexOf('/');
    return colon > 0 && (slash < 0 || colon < slash);
  }
}

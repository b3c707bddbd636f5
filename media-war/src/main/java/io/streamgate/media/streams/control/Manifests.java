package io.streamgate.media.streams.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the media server needs to know about and do to HLS playlists. */
public final class Manifests {

  /** Query parameter that carries the playback JWT when a player cannot set headers. */
  public static final String TOKEN_PARAMETER = "__token";

  private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]*)\"");

  private Manifests() {}

  /**
   * Longest playlist handed out with the token written into it: a four-hour VOD playlist of 2 s
   * segments is about 6 MB that way. The token (~750 characters) goes into every URI, so a playlist
   * of short lines would otherwise grow several hundred times.
   */
  public static final int MAX_WITH_TOKEN = 8 * 1024 * 1024;

  /**
   * Lines end with LF or CRLF (RFC 8216). A CR on its own is refused: players that take it for a
   * line end would read a URI this server did not see as one (and could be handed the token with
   * it).
   */
  public static boolean hasOnlyProperLineEnds(String playlist) {
    for (int i = playlist.indexOf('\r'); i >= 0; i = playlist.indexOf('\r', i + 1)) {
      if (i + 1 >= playlist.length() || playlist.charAt(i + 1) != '\n') {
        return false;
      }
    }
    return true;
  }

  /** A playlist with {@code #EXT-X-ENDLIST} is complete (VOD); without it, it is live. */
  public static boolean isComplete(String playlist) {
    return playlist.contains("#EXT-X-ENDLIST");
  }

  /**
   * The playlist with the token added to every relative URI in it: variant playlists, segments and
   * every tag's {@code URI="..."} (map, media, keys, i-frame playlists, parts). A player fetches
   * those relative to the playlist's URL, without its query string, so each needs its own copy.
   * Absolute URIs point elsewhere and are left alone, so the token never leaks to another host; so
   * are URIs with control characters in them. Empty when the result would be longer than {@link
   * #MAX_WITH_TOKEN}.
   */
  public static Optional<String> withToken(String playlist, String rawToken) {
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
      if (out.length() > MAX_WITH_TOKEN) {
        return Optional.empty();
      }
      start = next;
    }
    return Optional.of(out.toString());
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
    if (uri.isEmpty() || isAbsolute(uri) || hasControlCharacter(uri)) {
      return uri;
    }
    int fragment = uri.indexOf('#');
    String base = fragment < 0 ? uri : uri.substring(0, fragment);
    String tail = fragment < 0 ? "" : uri.substring(fragment);
    char separator = base.indexOf('?') < 0 ? '?' : '&';
    return base + separator + TOKEN_PARAMETER + "=" + token + tail;
  }

  /** A scheme as browsers parse it: a letter, then letters, digits, {@code + - .}, then a colon. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*:");

  /**
   * With a scheme ({@code https:}) or a host ({@code //cdn}); a path from the root is relative.
   * Judged as a browser's URL parser (WHATWG) reads it, which is more lenient than RFC 3986:
   * leading spaces and control characters are dropped, tabs and line breaks anywhere are dropped,
   * and in http(s) URLs a backslash counts as a slash, so {@code \\host/x}, {@code /\host/x},
   * {@code " //host/x"} and {@code "/<tab>/host/x"} all name another host. When in doubt, absolute:
   * a URI left without the token only fails to play, one with it may hand the token to someone
   * else.
   */
  static boolean isAbsolute(String uri) {
    int start = 0;
    while (start < uri.length() && uri.charAt(start) <= ' ') {
      start++;
    }
    StringBuilder parsed = new StringBuilder(uri.length() - start);
    for (int i = start; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        parsed.append(c);
      }
    }
    if (parsed.length() >= 2 && isSlash(parsed.charAt(0)) && isSlash(parsed.charAt(1))) {
      return true;
    }
    return SCHEME.matcher(parsed).lookingAt();
  }

  private static boolean hasControlCharacter(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      if (uri.charAt(i) < ' ' || uri.charAt(i) == 0x7f) {
        return true;
      }
    }
    return false;
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }
}

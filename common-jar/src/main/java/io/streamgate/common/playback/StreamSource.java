package io.streamgate.common.playback;

import io.streamgate.common.net.WebUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * An event's own origin: the http(s) folder its HLS files are fetched from instead of {@code
 * UPSTREAM_ORIGIN/<event>/}, as the event's stream URL names it. The URL names either the folder
 * ({@code https://origin.example/live/gala/}) or the entry playlist in it ({@code
 * .../gala/stream.m3u8}). What media servers fetch is {@code <folder><file>}, so the URL may carry
 * no query or fragment, no credentials (stream URLs are shown in the console and logs) and no dot
 * segments. The platform checks this when an admin saves the event; media servers check it again on
 * what reaches them, and allow only folders under the origins they are told to trust.
 *
 * @param folder the folder, absolute, its path ending in {@code /}
 * @param playlist the entry playlist the URL names, if it names one
 */
public record StreamSource(URI folder, Optional<String> playlist) {

  /** Longest stream URL accepted. */
  public static final int MAX_LENGTH = 1000;

  /** Why a stream URL cannot be an event's source; the message is the one admins see. */
  public static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /** The source a stream URL names, or the problem that keeps it from being one. */
  public static StreamSource parse(String url) throws Problem {
    URI uri = web(url);
    if (uri.getRawUserInfo() != null) {
      throw new Problem("Stream URL must not hold a user name or password.");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new Problem(
          "Stream URL must have no query or fragment: it names the folder of the stream or its"
              + " entry playlist.");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      if (!(last && segments[i].isEmpty()) && !StreamPaths.isPlainName(segments[i])) {
        throw new Problem(
            "Stream URL path must be made of plain names (letters, digits, - _ .), such as"
                + " /live/gala/ or /live/gala/stream.m3u8.");
      }
    }
    String name = segments[segments.length - 1];
    Optional<String> playlist = Optional.empty();
    if (name.endsWith(".m3u8")) {
      playlist = Optional.of(name);
      path = path.substring(0, path.length() - name.length());
    } else if (!path.endsWith("/")) {
      path = path + "/";
    }
    try {
      URI folder =
          new URI(
              uri.getScheme().toLowerCase(Locale.ROOT),
              null,
              uri.getHost().toLowerCase(Locale.ROOT),
              uri.getPort(),
              path,
              null,
              null);
      return new StreamSource(folder, playlist);
    } catch (URISyntaxException e) {
      throw new Problem(WEB_URL);
    }
  }

  /** The source of a stream URL that is one; empty for blank or unusable URLs. */
  public static Optional<StreamSource> of(String url) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(url));
    } catch (Problem e) {
      return Optional.empty();
    }
  }

  /** The folder a stream URL names, as published to media servers; empty when it names none. */
  public static Optional<String> folderOf(String url) {
    return of(url).map(source -> source.folder().toString());
  }

  /** The URL of a file of the event's stream, e.g. {@code 720p/seg_001.ts}. */
  public URI file(String relative) {
    return folder.resolve(relative);
  }

  /**
   * True when this source's folder lies under {@code trusted}, an origin a media server may fetch
   * from: same scheme, host and port (default ports spelled or not), and a folder path that starts
   * with the trusted one segment by segment. Compared as parsed URIs, never as raw strings, so
   * {@code https://origin.example.evil/} is not under {@code https://origin.example}.
   */
  public boolean isUnder(StreamSource trusted) {
    URI other = trusted.folder();
    return folder.getScheme().equals(other.getScheme())
        && folder.getHost().equals(other.getHost())
        && port(folder) == port(other)
        && folder.getRawPath().startsWith(other.getRawPath());
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme()) ? 443 : 80;
  }

  private static final String WEB_URL = "Stream URL must be a valid http or https URL.";

  private static URI web(String url) throws Problem {
    if (url == null || url.length() > MAX_LENGTH) {
      throw new Problem(WEB_URL);
    }
    return WebUrls.parse(url)
        .filter(uri -> !uri.isOpaque())
        .orElseThrow(() -> new Problem(WEB_URL));
  }
}

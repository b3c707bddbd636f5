package io.streamgate.platform.events.control;

import io.streamgate.common.Spec;
import io.streamgate.common.net.WebUrls;
import io.streamgate.common.playback.StreamPaths;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.refusal.control.BadRequestException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An event as an admin submits it, checked by the specification's rules: a title, a start before
 * the end, an access window of 1-168 hours, and http(s) URLs (their format only; nothing is
 * fetched). A stream URL names the event's own origin ({@link StreamSource}); when it names a
 * playlist and no entry playlist is given, that playlist is the entry. The API reports the first
 * problem; the console shows each next to its field. {@code listed} says whether the portal lists
 * the event, {@code embedOrigins} which sites may frame its player ({@link EmbedOrigins}); null
 * leaves either as it is (not listed, no site, for a new event).
 */
public record EventDraft(
    String title,
    String description,
    String streamUrl,
    String entryPlaylist,
    String posterUrl,
    Instant startsAt,
    Instant endsAt,
    int accessWindowHours,
    Boolean listed,
    List<String> embedOrigins) {

  static final int MAX_TITLE = 200;
  static final int MAX_DESCRIPTION = 4000;
  static final int MAX_URL = 1000;

  public EventDraft {
    Map<String, String> problems =
        problems(
            title,
            description,
            streamUrl,
            entryPlaylist,
            posterUrl,
            startsAt,
            endsAt,
            accessWindowHours);
    if (!problems.isEmpty()) {
      throw new BadRequestException(problems.values().iterator().next());
    }
    title = title.strip();
    description = blankToNull(description);
    streamUrl = blankToNull(streamUrl);
    entryPlaylist = entryPlaylistOf(entryPlaylist, streamUrl);
    posterUrl = blankToNull(posterUrl);
    embedOrigins = embedOrigins == null ? null : EmbedOrigins.of(embedOrigins);
  }

  /**
   * What is wrong with these values, by field name ({@code title}, {@code description}, {@code
   * streamUrl}, {@code entryPlaylist}, {@code posterUrl}, {@code startsAt}, {@code endsAt}, {@code
   * accessWindowHours}), in the order of the form; empty when they make a valid event.
   */
  public static Map<String, String> problems(
      String title,
      String description,
      String streamUrl,
      String entryPlaylist,
      String posterUrl,
      Instant startsAt,
      Instant endsAt,
      int accessWindowHours) {
    Map<String, String> problems = new LinkedHashMap<>();
    String cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty()) {
      problems.put("title", "Title is required.");
    } else if (cleanTitle.length() > MAX_TITLE) {
      problems.put("title", "Title must have at most " + MAX_TITLE + " characters.");
    } else if (cleanTitle.codePoints().anyMatch(Character::isISOControl)) {
      // A title is one line: it goes into e-mail subjects and page headings.
      problems.put("title", "Title must be one line, without control characters.");
    }
    String cleanDescription = blankToNull(description);
    if (cleanDescription != null && cleanDescription.length() > MAX_DESCRIPTION) {
      problems.put(
          "description", "Description must have at most " + MAX_DESCRIPTION + " characters.");
    }
    Optional<StreamSource> source = Optional.empty();
    if (blankToNull(streamUrl) != null) {
      try {
        source = Optional.of(StreamSource.parse(streamUrl));
      } catch (StreamSource.Problem problem) {
        problems.put("streamUrl", problem.getMessage());
      }
    }
    String entry = entryPlaylistOf(entryPlaylist, streamUrl);
    if (!StreamPaths.isPlainName(entry) || !entry.endsWith(".m3u8")) {
      problems.put(
          "entryPlaylist",
          "Entry playlist must be a file name ending in .m3u8, such as master.m3u8 or stream.m3u8.");
    } else if (source
        .flatMap(StreamSource::playlist)
        .filter(name -> !name.equals(entry))
        .isPresent()) {
      problems.put(
          "entryPlaylist",
          "Entry playlist and stream URL name different playlists; leave the entry playlist blank"
              + " to take the stream URL's.");
    }
    if (!isWebUrl(posterUrl)) {
      problems.put("posterUrl", "Poster URL must be a valid http or https URL.");
    }
    if (startsAt == null) {
      problems.put("startsAt", "Start and end times are required.");
    } else if (endsAt == null) {
      problems.put("endsAt", "Start and end times are required.");
    } else if (!startsAt.isBefore(endsAt)) {
      problems.put("endsAt", "The event must start before it ends.");
    }
    if (accessWindowHours < Spec.ACCESS_WINDOW_MIN_HOURS
        || accessWindowHours > Spec.ACCESS_WINDOW_MAX_HOURS) {
      problems.put(
          "accessWindowHours",
          "Access window must be between "
              + Spec.ACCESS_WINDOW_MIN_HOURS
              + " and "
              + Spec.ACCESS_WINDOW_MAX_HOURS
              + " hours.");
    }
    return problems;
  }

  /** Blank, or an absolute http(s) URL with a host of at most {@value #MAX_URL} characters. */
  private static boolean isWebUrl(String value) {
    String url = blankToNull(value);
    return url == null || (url.length() <= MAX_URL && WebUrls.parse(url).isPresent());
  }

  /** As given; else the playlist the stream URL names; else {@code master.m3u8}. */
  private static String entryPlaylistOf(String value, String streamUrl) {
    String entry = blankToNull(value);
    if (entry != null) {
      return entry;
    }
    return StreamSource.of(streamUrl)
        .flatMap(StreamSource::playlist)
        .orElse(Event.DEFAULT_ENTRY_PLAYLIST);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

package io.streamgate.common.playback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What StreamGate needs to know about an HLS playlist, read leniently line by line (RFC 8216 tags;
 * anything else is skipped, nothing is followed): a master lists variant playlists, a media
 * playlist lists segments, and a media playlist that carries {@code #EXT-X-ENDLIST} is complete.
 *
 * @param variants the URIs after {@code #EXT-X-STREAM-INF} tags, as written
 * @param targetDuration {@code #EXT-X-TARGETDURATION}, when the playlist gives a usable one
 * @param mediaSequence {@code #EXT-X-MEDIA-SEQUENCE}, 0 when absent
 * @param discontinuitySequence {@code #EXT-X-DISCONTINUITY-SEQUENCE}, 0 when absent
 * @param segments how many segment URIs it lists
 * @param lastSegment the last segment URI, empty when it lists none
 * @param ended whether it carries {@code #EXT-X-ENDLIST}
 */
public record Playlist(
    List<String> variants,
    Optional<Duration> targetDuration,
    long mediaSequence,
    long discontinuitySequence,
    int segments,
    String lastSegment,
    boolean ended) {

  /** Longest playlist read: a sliding-window live playlist is a few kB, a long VOD a few 100 kB. */
  public static final int MAX_BYTES = 1024 * 1024;

  /** Longest target duration believed; HLS segments are seconds long, not hours. */
  static final Duration MAX_TARGET = Duration.ofMinutes(1);

  public boolean isMaster() {
    return !variants.isEmpty();
  }

  /** Whether it lists media at all (a master, or a media playlist with segments). */
  public boolean hasContent() {
    return isMaster() || segments > 0;
  }

  /**
   * What a player would see change when a live playlist advances: the window's position and its
   * last segment. Equal fingerprints mean the playlist did not move.
   */
  public String fingerprint() {
    return discontinuitySequence + "/" + mediaSequence + "/" + segments + "/" + lastSegment;
  }

  /** Reads a playlist; empty when it is not one ({@code #EXTM3U} missing from the first line). */
  public static Optional<Playlist> read(String text) {
    String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || !strip(lines[0]).startsWith("#EXTM3U")) {
      return Optional.empty();
    }
    List<String> variants = new ArrayList<>();
    Optional<Duration> target = Optional.empty();
    long sequence = 0;
    long discontinuities = 0;
    int segments = 0;
    String last = "";
    boolean ended = false;
    boolean variantNext = false;
    for (int i = 1; i < lines.length; i++) {
      String line = strip(lines[i]);
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("#")) {
        variantNext = variantNext || line.startsWith("#EXT-X-STREAM-INF");
        if (line.startsWith("#EXT-X-TARGETDURATION:")) {
          target = number(line).filter(n -> n > 0).map(Duration::ofSeconds);
          target = target.filter(d -> d.compareTo(MAX_TARGET) <= 0);
        } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
          sequence = number(line).orElse(0L);
        } else if (line.startsWith("#EXT-X-DISCONTINUITY-SEQUENCE:")) {
          discontinuities = number(line).orElse(0L);
        } else if (line.equals("#EXT-X-ENDLIST")) {
          ended = true;
        }
      } else if (variantNext) {
        variants.add(line);
        variantNext = false;
      } else {
        segments++;
        last = line;
      }
    }
    return Optional.of(
        new Playlist(
            List.copyOf(variants), target, sequence, discontinuities, segments, last, ended));
  }

  /**
   * A URI from a playlist at the top of an event's folder, as a path inside that folder: only a
   * relative path of plain names (letters, digits, {@code - _ .}, not starting with a dot) without
   * query or fragment. Empty for anything else (absolute, {@code ..}, another host): such a URI is
   * never followed.
   */
  public static Optional<String> insideFolder(String uri) {
    if (uri.isEmpty() || uri.length() > 1024) {
      return Optional.empty();
    }
    for (String name : uri.split("/", -1)) {
      if (!StreamPaths.isPlainName(name)) {
        return Optional.empty();
      }
    }
    return Optional.of(uri);
  }

  private static Optional<Long> number(String tag) {
    try {
      long value = Long.parseLong(tag.substring(tag.indexOf(':') + 1).strip());
      return value < 0 ? Optional.empty() : Optional.of(value);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String strip(String line) {
    return line.strip();
  }
}

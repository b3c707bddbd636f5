package io.streamgate.media.streams.entity;

import io.streamgate.common.Spec;
import io.streamgate.common.playback.StreamPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request for one HLS file of one event, named by the path the container mapped to the stream
 * servlet ({@code getPathInfo()}: decoded and normalised by the container) and refused unless every
 * segment is a plain name. What is checked is what is served; the raw request URI plays no part (a
 * spelling the container resolves to a plain file is that file, for the same token).
 *
 * @param eventId the first segment
 * @param file the path of the file inside the event's folder, e.g. {@code 720p/seg_001.ts}
 */
public record StreamRequest(String eventId, String file, FileType type) {

  /** Longest path accepted, and most segments: HLS layouts are shallow. */
  static final int MAX_PATH_LENGTH = 1024;

  static final int MAX_SEGMENTS = 8;

  /** The full path as a token's {@code sp} names it: {@code /streams/<event>/<file>}. */
  public String streamPath() {
    return Spec.STREAMS_CONTEXT + "/" + eventId + "/" + file;
  }

  /** Path of the file inside a folder of event folders (local root, cache). */
  public String relativePath() {
    return eventId + "/" + file;
  }

  /**
   * The request the container-mapped path names, e.g. {@code /demo/720p/index.m3u8} from {@code
   * getPathInfo()}. That path is decoded already and is never decoded again: a {@code %} left in it
   * is refused like any other character that is not plain. Empty for anything that is not a plain
   * path to a served file: dot segments, empty segments, backslashes, control characters, over-long
   * names, unknown extensions.
   */
  public static Optional<StreamRequest> fromMappedPath(String pathInfo) {
    return parse(pathInfo);
  }

  private static Optional<StreamRequest> parse(String path) {
    if (path == null || path.length() > MAX_PATH_LENGTH || !path.startsWith("/")) {
      return Optional.empty();
    }
    String[] raw = path.substring(1).split("/", -1);
    if (raw.length < 2 || raw.length > MAX_SEGMENTS) {
      return Optional.empty();
    }
    List<String> segments = new ArrayList<>(raw.length);
    for (String segment : raw) {
      if (!StreamPaths.isPlainName(segment)) {
        return Optional.empty();
      }
      segments.add(segment);
    }
    String file = String.join("/", segments.subList(1, segments.size()));
    return FileType.of(segments.get(segments.size() - 1))
        .map(type -> new StreamRequest(segments.get(0), file, type));
  }
}

package io.streamgate.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What a player reads from an HLS playlist: the target duration, the media sequence of the first
 * segment, and the URIs (resolved against the playlist's URL) of the segments or, in a
 * multivariant playlist, of the variant playlists.
 */
record LivePlaylist(int targetSeconds, long firstSequence, List<String> uris) {

  static LivePlaylist parse(String url, String body) {
    URI base = URI.create(url);
    int target = 2;
    long sequence = 0;
    List<String> uris = new ArrayList<>();
    for (String line : body.split("\r?\n")) {
      String text = line.trim();
      if (text.startsWith("#EXT-X-TARGETDURATION:")) {
        target = Integer.parseInt(text.substring("#EXT-X-TARGETDURATION:".length()).trim());
      } else if (text.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
        sequence = Long.parseLong(text.substring("#EXT-X-MEDIA-SEQUENCE:".length()).trim());
      } else if (!text.isEmpty() && !text.startsWith("#")) {
        uris.add(base.resolve(text).toString());
      }
    }
    return new LivePlaylist(target, sequence, List.copyOf(uris));
  }

  long lastSequence() {
    return firstSequence + uris.size() - 1;
  }

  /** The segments after {@code sequence}, in order. */
  List<String> after(long sequence) {
    int from = (int) Math.max(0, Math.min(uris.size(), sequence + 1 - firstSequence));
    return uris.subList(from, uris.size());
  }

  /** Where a player starts a live stream: three segments before the end (hls.js's default). */
  long startSequence() {
    return Math.max(firstSequence, lastSequence() - 2);
  }

  String uriOf(long sequence) {
    return uris.get((int) (sequence - firstSequence));
  }
}

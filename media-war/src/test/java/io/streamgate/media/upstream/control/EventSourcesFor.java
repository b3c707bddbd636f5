package io.streamgate.media.upstream.control;

import io.streamgate.common.playback.StreamSource;
import io.streamgate.media.cache.control.SegmentCache;
import java.util.Arrays;

/** Event origins configured as the container would, for any test package. */
public final class EventSourcesFor {

  private EventSourcesFor() {}

  /** Event origins allowed under these origins ({@code EVENT_ORIGINS}), dropping from the cache. */
  public static EventSources trusting(SegmentCache cache, String... origins) {
    EventSources sources = new EventSources();
    sources.cache = cache;
    sources.trusted =
        Arrays.stream(origins).map(origin -> StreamSource.of(origin).orElseThrow()).toList();
    return sources;
  }
}

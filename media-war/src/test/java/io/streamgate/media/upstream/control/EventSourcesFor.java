package io.streamgate.media.upstream.control;

import io.streamgate.common.playback.StreamSource;
import java.util.Arrays;

/** Event origins configured as the container would, for any test package. */
public final class EventSourcesFor {

  private EventSourcesFor() {}

  /** Event origins allowed under these origins ({@code EVENT_ORIGINS}). */
  public static EventSources trusting(String... origins) {
    EventSources sources = new EventSources();
    sources.trusted =
        Arrays.stream(origins).map(origin -> StreamSource.of(origin).orElseThrow()).toList();
    return sources;
  }
}

package io.streamgate.media.delivery.control;

import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;

/** The local stream folder ({@code STREAM_ROOT}): one subfolder of HLS files per event id. */
@ApplicationScoped
public class LocalStreams {

  @Inject MediaSettings settings;

  /**
   * Where the file would be; the request's segments are plain names, so it stays inside. The
   * segment cache's folder, by default {@code STREAM_ROOT/cache}, is no event's.
   */
  public Optional<Path> path(StreamRequest request) {
    return settings
        .streamRoot()
        .map(folder -> folder.resolve(request.eventId()))
        .filter(event -> !settings.segmentCacheRoot().equals(Optional.of(event)))
        .map(event -> event.resolve(request.file()));
  }
}

package io.streamgate.media.delivery.control;

import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The local stream folder ({@code STREAM_ROOT}): one subfolder of HLS files per event id. */
@ApplicationScoped
public class LocalStreams {

  @Inject
  @ConfigProperty(name = "STREAM_ROOT")
  Optional<String> root;

  /** Where the file would be; the request's segments are plain names, so it stays inside. */
  public Optional<Path> path(StreamRequest request) {
    return root.map(folder -> Path.of(folder).resolve(request.eventId()).resolve(request.file()));
  }
}

package io.streamgate.media.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.streams.entity.StreamRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStreamsTest {

  @TempDir Path streams;

  private LocalStreams with(Map<String, String> configured) {
    LocalStreams local = new LocalStreams();
    local.settings = MediaSettings.read(name -> Optional.ofNullable(configured.get(name)));
    return local;
  }

  private static StreamRequest request(String path) {
    return StreamRequest.fromMappedPath(path).orElseThrow();
  }

  @Test
  void theDefaultSegmentCacheInTheStreamFolderIsNoEventsFolder() {
    LocalStreams local =
        with(Map.of("STREAM_ROOT", streams.toString(), "UPSTREAM_ORIGIN", "https://origin.test/"));
    assertEquals(
        Optional.of(streams.resolve("demo").resolve("master.m3u8")),
        local.path(request("/demo/master.m3u8")));
    assertEquals(
        Optional.empty(),
        local.path(request("/cache/demo/720p/seg_001.ts")),
        "the cached files of other events are not an event 'cache'");
    assertEquals(Optional.empty(), local.path(request("/cache/master.m3u8")));
  }

  @Test
  void aFolderNamedCacheIsAnEventsWhenTheCacheIsElsewhere() {
    LocalStreams local = with(Map.of("STREAM_ROOT", streams.toString()));
    assertEquals(
        Optional.of(streams.resolve("cache").resolve("master.m3u8")),
        local.path(request("/cache/master.m3u8")));
  }
}

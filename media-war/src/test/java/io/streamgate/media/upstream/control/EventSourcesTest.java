package io.streamgate.media.upstream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.grid.AccessView;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.media.ManualScheduler;
import io.streamgate.media.MovableClock;
import io.streamgate.media.cache.control.SegmentCache;
import io.streamgate.media.cache.control.SegmentCaches;
import io.streamgate.media.streams.entity.StreamRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which origin an event's files come from, as the platform publishes it and ops allow it. */
class EventSourcesTest {

  private static final String ORIGIN = "https://origin.example/live/";

  @TempDir Path cacheRoot;

  private EventSources sources;
  private SegmentCache cache;

  @BeforeEach
  void setUp() throws Exception {
    cache =
        SegmentCaches.started(
            cacheRoot, 1L << 30, new MovableClock(), new ManualScheduler().executor);
    sources = EventSourcesFor.trusting(cache, ORIGIN);
  }

  @Test
  void onlyAFolderUnderAnAllowedOriginIsUsed() {
    sources.set("gala", ORIGIN + "gala/");
    sources.set("next-door", "https://origin.example/live-other/gala/");
    sources.set("lookalike", "https://origin.example.evil/live/gala/");
    sources.set("other-port", "https://origin.example:8443/live/gala/");

    assertEquals(Optional.of(URI.create(ORIGIN + "gala/")), folder("gala"));
    assertEquals(Optional.empty(), folder("next-door"));
    assertEquals(Optional.empty(), folder("lookalike"));
    assertEquals(Optional.empty(), folder("other-port"));
    assertEquals(Optional.empty(), folder("unknown"));
  }

  @Test
  void whatCannotBeAFolderOrNamesNoPlainEventIsIgnored() {
    sources.set("gala", ORIGIN + "gala/../../admin/");
    sources.set("query", ORIGIN + "q/?x=1");
    sources.set("playlist", ORIGIN + "p/master.m3u8");
    sources.set("..", ORIGIN + "dots/");
    sources.add(AccessView.sourceKey("spaces", "not a url"));

    assertEquals(0, sources.size());
  }

  @Test
  void aChangedOriginDropsTheEventsCachedFilesAndOnlyThose() throws Exception {
    sources.set("gala", ORIGIN + "gala/");
    cached("gala/seg_1.ts");
    cached("party/seg_1.ts");

    sources.set("gala", ORIGIN + "gala-take-2/");

    assertTrue(cache.lookup(request("gala/seg_1.ts")).isEmpty(), "came from the old origin");
    assertTrue(cache.lookup(request("party/seg_1.ts")).isPresent());
    cached("gala/seg_1.ts");
    sources.set("gala", ORIGIN + "gala-take-2/");
    assertTrue(cache.lookup(request("gala/seg_1.ts")).isPresent(), "nothing changed");
  }

  @Test
  void theGridsNewKeyComesBeforeTheOldKeysRemovalAndTheEventKeepsTheNewOrigin() {
    sources.add(AccessView.sourceKey("gala", ORIGIN + "gala/"));
    sources.add(AccessView.sourceKey("gala", ORIGIN + "gala-2/"));
    sources.remove(AccessView.sourceKey("gala", ORIGIN + "gala/"));
    assertEquals(Optional.of(URI.create(ORIGIN + "gala-2/")), folder("gala"));

    sources.remove(AccessView.sourceKey("gala", ORIGIN + "gala-2/"));
    assertEquals(Optional.empty(), folder("gala"));
    sources.add(AccessView.codeKey("3b9f1c2e-8a4d-4e6f-b1c3-5d7e9f0a2b4c"));
    assertEquals(0, sources.size(), "other keys are not origins");
  }

  @Test
  void aFullReadReplacesTheOriginsAndKeepsTheCacheItMayWellHaveFilledBefore() throws Exception {
    sources.set("gone", ORIGIN + "gone/");
    cached("gala/seg_1.ts");

    sources.replaceWith(Map.of("gala", ORIGIN + "gala/"));

    assertEquals(Optional.of(URI.create(ORIGIN + "gala/")), folder("gala"));
    assertEquals(Optional.empty(), folder("gone"));
    assertTrue(cache.lookup(request("gala/seg_1.ts")).isPresent());
  }

  private Optional<URI> folder(String eventId) {
    return sources.of(eventId).map(StreamSource::folder);
  }

  private void cached(String path) throws Exception {
    StreamRequest request = request(path);
    Path temporary = cache.temporaryFile(request);
    Files.write(temporary, new byte[] {1, 2, 3});
    cache.commit(request, temporary);
  }

  private static StreamRequest request(String path) {
    return StreamRequest.fromMappedPath("/" + path).orElseThrow();
  }
}

package io.streamgate.media.cache.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.media.ManualScheduler;
import io.streamgate.media.MovableClock;
import io.streamgate.media.streams.entity.StreamRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The segment cache as the media server and its operators meet it: what it answers and keeps. */
class SegmentCacheTest {

  private static final long NO_CAP = 1L << 40;

  @TempDir Path root;

  private final MovableClock clock = new MovableClock();
  private final ManualScheduler scheduler = new ManualScheduler();

  private SegmentCache cache(long maxBytes) {
    return SegmentCaches.started(root, maxBytes, clock, scheduler.executor);
  }

  private static StreamRequest request(String path) {
    return StreamRequest.fromMappedPath("/" + path).orElseThrow();
  }

  private static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  /** Stores a file as a download does: into a temporary file, then committed. */
  private static void store(SegmentCache cache, String path, byte[] content) throws IOException {
    StreamRequest request = request(path);
    Path temporary = cache.temporaryFile(request);
    Files.write(temporary, content);
    cache.commit(request, temporary);
  }

  private static boolean cached(SegmentCache cache, String path) {
    return cache.lookup(request(path)).isPresent();
  }

  @Test
  void aStoredFileIsAnsweredFromDiskAndCounted() throws IOException {
    SegmentCache cache = cache(NO_CAP);
    byte[] segment = bytes(100, 1);
    store(cache, "demo/720p/seg_0.ts", segment);
    store(cache, "other/seg_0.ts", bytes(50, 2));

    Path found = cache.lookup(request("demo/720p/seg_0.ts")).orElseThrow();
    assertArrayEquals(segment, Files.readAllBytes(found));
    assertEquals(root.resolve("demo/720p/seg_0.ts"), found);
    assertFalse(cached(cache, "demo/720p/seg_1.ts"), "never stored");
    assertEquals(new SegmentCache.Stats(2, 150, 2), cache.stats());
    try (Stream<Path> files = Files.list(root.resolve("demo/720p"))) {
      assertEquals(1, files.count(), "no temporary file left beside it");
    }
  }

  @Test
  void aTemporaryFileHasANameNoRequestCanAskFor() throws IOException {
    Path temporary = cache(NO_CAP).temporaryFile(request("demo/seg_0.ts"));
    assertEquals(root.resolve("demo"), temporary.getParent());
    assertTrue(
        StreamRequest.fromMappedPath("/demo/" + temporary.getFileName()).isEmpty(),
        temporary.toString());
  }

  @Test
  void beyondTheSizeCapTheLeastRecentlyUsedFilesLeaveFirst() throws IOException {
    SegmentCache cache = cache(1000);
    store(cache, "demo/a.ts", bytes(400, 1));
    clock.move(Duration.ofSeconds(1));
    store(cache, "demo/b.ts", bytes(400, 2));
    clock.move(Duration.ofSeconds(1));
    assertTrue(cached(cache, "demo/a.ts"), "a viewer asks for a again");
    clock.move(Duration.ofSeconds(1));
    store(cache, "demo/c.ts", bytes(400, 3));
    store(cache, "demo/d.ts", bytes(50, 4));

    assertEquals(1250, cache.stats().bytes(), "evicting waits for the background thread");
    assertEquals(1, scheduler.runQueued(), "one eviction queued for several writes over the cap");

    assertFalse(cached(cache, "demo/b.ts"), "least recently used");
    assertFalse(Files.exists(root.resolve("demo/b.ts")));
    assertTrue(cached(cache, "demo/a.ts"));
    assertTrue(cached(cache, "demo/c.ts"));
    assertTrue(cached(cache, "demo/d.ts"));
    assertEquals(new SegmentCache.Stats(1, 850, 3), cache.stats(), "down to 90 % of the cap");
  }

  @Test
  void thePeriodicSweepRemovesFilesPastTheAgeCap() throws IOException {
    SegmentCache cache = cache(NO_CAP);
    store(cache, "demo/old.ts", bytes(10, 1));
    clock.move(Duration.ofHours(48));
    store(cache, "demo/young.ts", bytes(10, 2));
    clock.move(Duration.ofHours(24).plusMinutes(1));

    assertEquals(1, scheduler.periodicTasks(), "a sweep is scheduled at start");
    scheduler.runPeriodic();

    assertFalse(cached(cache, "demo/old.ts"), "72 h and a minute old");
    assertFalse(Files.exists(root.resolve("demo/old.ts")));
    assertTrue(cached(cache, "demo/young.ts"));
    assertEquals(new SegmentCache.Stats(1, 10, 1), cache.stats());
  }

  /**
   * SEGMENT_CACHE_MAX_AGE_HOURS and SEGMENT_CACHE_SWEEP_MINUTES as configured, not the defaults: a
   * file goes at the first sweep after it is older than the cap, however often viewers ask for it
   * (age is since it was stored; use only orders the size eviction).
   */
  @Test
  void theSweepRunsAtTheConfiguredIntervalAndRemovesFilesPastTheConfiguredAge() throws IOException {
    SegmentCache cache = SegmentCaches.started(root, NO_CAP, 1.5, 7, clock, scheduler.executor);
    assertEquals(List.of(Duration.ofMinutes(7)), scheduler.periods());
    store(cache, "demo/720p/popular.ts", bytes(10, 1));
    store(cache, "demo/720p/quiet.ts", bytes(20, 2));
    clock.move(Duration.ofMinutes(30));
    store(cache, "demo/720p/later.ts", bytes(40, 3));

    clock.move(Duration.ofMinutes(60));
    assertTrue(cached(cache, "demo/720p/popular.ts"), "asked for right up to the cap");
    scheduler.runPeriodic();
    assertTrue(cached(cache, "demo/720p/quiet.ts"), "exactly 1.5 h old: not older than the cap");
    assertEquals(new SegmentCache.Stats(1, 70, 3), cache.stats());

    clock.move(Duration.ofMillis(1));
    assertEquals(new SegmentCache.Stats(1, 70, 3), cache.stats(), "only the sweep removes");
    scheduler.runPeriodic();
    assertFalse(cached(cache, "demo/720p/popular.ts"), "used, but stored 1.5 h ago");
    assertFalse(cached(cache, "demo/720p/quiet.ts"));
    assertFalse(Files.exists(root.resolve("demo/720p/popular.ts")), "gone from disk too");
    assertFalse(Files.exists(root.resolve("demo/720p/quiet.ts")));
    assertTrue(cached(cache, "demo/720p/later.ts"), "an hour old");
    assertEquals(new SegmentCache.Stats(1, 40, 1), cache.stats());

    clock.move(Duration.ofMinutes(30));
    scheduler.runPeriodic();
    assertFalse(Files.exists(root.resolve("demo/720p/later.ts")));
    assertEquals(new SegmentCache.Stats(0, 0, 0), cache.stats(), "the event no longer counts");

    cache.stop();
    assertEquals(List.of(), scheduler.periods(), "the sweep stops with the cache");
  }

  @Test
  void aVodManifestIsFetchedAgainAfterADaySegmentsStay() throws IOException {
    SegmentCache cache = cache(NO_CAP);
    store(cache, "demo/index.m3u8", "#EXTM3U\n#EXT-X-ENDLIST\n".getBytes());
    store(cache, "demo/seg_0.ts", bytes(10, 1));
    clock.move(Duration.ofHours(24));
    assertTrue(cached(cache, "demo/index.m3u8"));

    clock.move(Duration.ofSeconds(1));
    assertFalse(cached(cache, "demo/index.m3u8"));
    assertTrue(cached(cache, "demo/seg_0.ts"));
    assertEquals(new SegmentCache.Stats(1, 10, 1), cache.stats());
  }

  @Test
  void whatAnEarlierRunLeftIsKeptAndUnfinishedDownloadsAreRemoved() throws IOException {
    SegmentCache first = cache(NO_CAP);
    store(first, "demo/720p/seg_0.ts", bytes(100, 1));
    store(first, "demo/old.ts", bytes(10, 2));
    Path unfinished = first.temporaryFile(request("demo/720p/seg_1.ts"));
    Files.write(unfinished, bytes(5, 3));
    Files.setLastModifiedTime(
        root.resolve("demo/old.ts"), FileTime.from(clock.instant().minus(Duration.ofHours(100))));
    first.stop();

    SegmentCache restarted = cache(NO_CAP);

    assertFalse(Files.exists(unfinished), "an interrupted download is not a file");
    assertTrue(cached(restarted, "demo/720p/seg_0.ts"));
    assertEquals(new SegmentCache.Stats(1, 110, 2), restarted.stats());
    scheduler.runPeriodic();
    assertFalse(cached(restarted, "demo/old.ts"), "its age is the file's");
    assertTrue(cached(restarted, "demo/720p/seg_0.ts"));
  }

  @Test
  void clearingAnEventRemovesItsFilesAndNothingElse() throws IOException {
    SegmentCache cache = cache(NO_CAP);
    store(cache, "demo/720p/a.ts", bytes(10, 1));
    store(cache, "demo/b.ts", bytes(10, 2));
    store(cache, "demo2/c.ts", bytes(10, 3));

    assertEquals(2, cache.clearEvent("demo"));

    assertFalse(Files.exists(root.resolve("demo")));
    assertFalse(cached(cache, "demo/b.ts"));
    assertTrue(cached(cache, "demo2/c.ts"), "an event whose id starts alike stays");
    assertEquals(new SegmentCache.Stats(1, 10, 1), cache.stats());
    assertEquals(0, cache.clearEvent("nothing-cached"));
  }

  @Test
  void withoutAFolderNothingIsCached() {
    SegmentCache cache = SegmentCaches.started(null, NO_CAP, clock, scheduler.executor);

    assertFalse(cache.enabled());
    assertFalse(cached(cache, "demo/seg_0.ts"));
    assertEquals(0, cache.clearEvent("demo"));
    assertEquals(new SegmentCache.Stats(0, 0, 0), cache.stats());
    assertEquals(0, scheduler.periodicTasks());
  }
}

package io.streamgate.media.cache.control;

import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Files fetched from the upstream origin, kept on disk under {@code SEGMENT_CACHE_ROOT/<event>/...}
 * with their rendition folders. Only complete files enter: they are written to a temporary file (a
 * dot name no request can ask for) and renamed into place. An in-memory index answers lookups and
 * keeps the statistics, so neither requests nor health ever walk the folder; it is built once at
 * start. Size ({@code SEGMENT_CACHE_MAX_SIZE_GB}, least recently used out first) and age ({@code
 * SEGMENT_CACHE_MAX_AGE_HOURS}) are enforced by a periodic sweep and by a check after writes, both
 * on a background thread.
 */
@ApplicationScoped
public class SegmentCache {

  private static final Logger LOG = Logger.getLogger(SegmentCache.class.getName());

  /** VOD manifests are kept this long, then fetched again. */
  public static final Duration MANIFEST_LIFETIME = Duration.ofHours(24);

  static final String TEMP_SUFFIX = ".part";

  /** After an eviction the cache is at most this share of its cap, so writes do not evict each. */
  static final double LOW_WATER = 0.9;

  /** Index entry of one cached file; the access time is only kept in memory. */
  static final class Entry {
    final long size;
    final long storedAt;
    volatile long usedAt;

    Entry(long size, long storedAt) {
      this.size = size;
      this.storedAt = storedAt;
      this.usedAt = storedAt;
    }
  }

  /** What health reports. */
  public record Stats(int events, long bytes, int files) {}

  Optional<String> rootSetting;
  double maxSizeGb;
  double maxAgeHours;
  long sweepMinutes;

  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, Entry> index = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> filesPerEvent = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicBoolean evictionQueued = new AtomicBoolean();
  private Path root;
  private long maxBytes;
  private ScheduledFuture<?> sweeps;

  @Inject
  void configure(MediaSettings settings) {
    rootSetting = settings.segmentCacheRoot().map(Path::toString);
    maxSizeGb = settings.segmentCacheMaxSizeGb();
    maxAgeHours = settings.segmentCacheMaxAgeHours();
    sweepMinutes = settings.segmentCacheSweepMinutes();
  }

  @PostConstruct
  void start() {
    if (rootSetting.isEmpty() || rootSetting.get().isBlank()) {
      return;
    }
    root = Path.of(rootSetting.get()).toAbsolutePath().normalize();
    maxBytes = (long) (maxSizeGb * 1024 * 1024 * 1024);
    try {
      Files.createDirectories(root);
      load();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Segment cache folder unusable; caching is off", e);
      root = null;
      return;
    }
    sweeps =
        scheduler.scheduleWithFixedDelay(this::sweep, sweepMinutes, sweepMinutes, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (sweeps != null) {
      sweeps.cancel(false);
    }
  }

  public boolean enabled() {
    return root != null;
  }

  /** The cached file for the request, if there is one young enough. */
  public Optional<Path> lookup(StreamRequest request) {
    if (root == null) {
      return Optional.empty();
    }
    Entry entry = index.get(request.relativePath());
    if (entry == null) {
      return Optional.empty();
    }
    long now = clock.millis();
    if (request.type().isManifest() && now - entry.storedAt > MANIFEST_LIFETIME.toMillis()) {
      remove(request.relativePath());
      return Optional.empty();
    }
    entry.usedAt = now;
    return Optional.of(root.resolve(request.relativePath()));
  }

  /** A new temporary file next to where the request's file will live, for a download to fill. */
  public Path temporaryFile(StreamRequest request) throws IOException {
    Path target = root.resolve(request.relativePath());
    Files.createDirectories(target.getParent());
    return target.resolveSibling("." + UUID.randomUUID() + TEMP_SUFFIX);
  }

  /** Moves a complete download into place; the file now answers lookups. */
  public void commit(StreamRequest request, Path temporary) throws IOException {
    Path target = root.resolve(request.relativePath());
    long size = Files.size(temporary);
    Files.move(
        temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    register(request.relativePath(), new Entry(size, clock.millis()));
    if (bytes.get() > maxBytes && evictionQueued.compareAndSet(false, true)) {
      scheduler.execute(this::evictLeastRecentlyUsed);
    }
  }

  /** Removes every cached file of the event; the number of files removed. */
  public int clearEvent(String eventId) {
    if (root == null) {
      return 0;
    }
    int removed = 0;
    for (String key : index.keySet()) {
      if (key.startsWith(eventId + "/") && remove(key)) {
        removed++;
      }
    }
    deleteTree(root.resolve(eventId));
    return removed;
  }

  public Stats stats() {
    return new Stats(
        (int) filesPerEvent.values().stream().filter(count -> count.get() > 0).count(),
        bytes.get(),
        index.size());
  }

  /** Deletes files older than the age cap, then the least recently used beyond the size cap. */
  void sweep() {
    long oldest = clock.millis() - (long) (maxAgeHours * 3600_000);
    int removed = 0;
    for (Map.Entry<String, Entry> entry : index.entrySet()) {
      if (entry.getValue().storedAt < oldest && remove(entry.getKey())) {
        removed++;
      }
    }
    if (removed > 0) {
      LOG.log(Level.INFO, "Segment cache: {0} file(s) past the age cap removed", removed);
    }
    evictLeastRecentlyUsed();
  }

  void evictLeastRecentlyUsed() {
    evictionQueued.set(false);
    if (bytes.get() <= maxBytes) {
      return;
    }
    long target = (long) (maxBytes * LOW_WATER);
    int removed = 0;
    for (String key :
        index.entrySet().stream()
            .sorted(Comparator.comparingLong(entry -> entry.getValue().usedAt))
            .map(Map.Entry::getKey)
            .toList()) {
      if (bytes.get() <= target) {
        break;
      }
      if (remove(key)) {
        removed++;
      }
    }
    LOG.log(Level.INFO, "Segment cache: {0} least recently used file(s) evicted", removed);
  }

  private void register(String key, Entry entry) {
    Entry previous = index.put(key, entry);
    bytes.addAndGet(entry.size - (previous == null ? 0 : previous.size));
    if (previous == null) {
      filesPerEvent.computeIfAbsent(eventOf(key), event -> new AtomicLong()).incrementAndGet();
    }
  }

  private boolean remove(String key) {
    Entry entry = index.remove(key);
    if (entry == null) {
      return false;
    }
    bytes.addAndGet(-entry.size);
    filesPerEvent.computeIfAbsent(eventOf(key), event -> new AtomicLong()).decrementAndGet();
    try {
      Files.deleteIfExists(root.resolve(key));
    } catch (IOException e) {
      LOG.log(Level.FINE, "could not delete a cached file", e);
    }
    return true;
  }

  private static String eventOf(String key) {
    return key.substring(0, key.indexOf('/'));
  }

  /** Indexes what an earlier run left; removes unfinished downloads. */
  private void load() throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            String name = file.getFileName().toString();
            if (name.endsWith(TEMP_SUFFIX)) {
              Files.deleteIfExists(file);
            } else if (attributes.isRegularFile() && root.relativize(file).getNameCount() >= 2) {
              String key = root.relativize(file).toString().replace('\\', '/');
              register(key, new Entry(attributes.size(), attributes.lastModifiedTime().toMillis()));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteTree(Path folder) {
    try {
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // nothing cached for the event
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Segment cache: could not remove an event folder", e);
    }
  }
}

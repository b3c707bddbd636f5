package io.streamgate.media.quality.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.streamgate.common.grid.DeliveryReport;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.media.quality.entity.Cmcd;
import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.settings.entity.RevocationSync;
import io.streamgate.media.streams.entity.FileType;
import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts, per viewer session, the segments this member served by rendition and what the player's
 * CMCD data said (throughput, buffer starvation), and every {@link #FLUSH_SECONDS} seconds hands
 * what it counted since to the platform through the data grid ({@link DeliveryReport}). Requests
 * never wait on the grid: {@link #served} only adds to a map. Only in the platform's data grid; an
 * edge server keeps nothing. The figures are approximate by design: a request counted at the very
 * moment its session's counts are flushed may be left out, and a batch no platform member takes
 * within an hour is dropped.
 */
@ApplicationScoped
public class DeliveryQuality {

  private static final Logger LOG = Logger.getLogger(DeliveryQuality.class.getName());

  static final long FLUSH_SECONDS = 15;

  /** How long a batch waits in the grid for a platform member to take it. */
  static final long REPORT_TTL_MINUTES = 60;

  /** Sessions counted between two flushes at most; more are left out until the next. */
  static final int MAX_SESSIONS = 200_000;

  /** The longest rendition name kept; a longer folder name is cut. */
  static final int MAX_NAME = 32;

  @Inject MediaSettings settings;

  @Inject Instance<HazelcastInstance> grid;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, Counts> pending = new ConcurrentHashMap<>();
  private IMap<String, String> reports;
  private ScheduledFuture<?> flushes;

  /**
   * Created at deployment: first created later, on the thread that completes an asynchronous
   * response, it would get no scheduler (no naming context there) and never flush.
   */
  void atStartup(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // Observing the event creates the bean, and so runs init().
  }

  @PostConstruct
  void init() {
    HazelcastInstance instance = grid.isResolvable() ? grid.get() : null;
    if (instance == null
        || !instance.getLifecycleService().isRunning()
        || settings.revocationSync(true) == RevocationSync.POLL) {
      return;
    }
    reports = instance.getMap(DeliveryReport.MAP);
    flushes =
        scheduler.scheduleAtFixedRate(this::flush, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (flushes != null) {
      flushes.cancel(false);
      flush();
    }
  }

  /**
   * Notes a file served to a session's token (GET, answered 200 or 206): {@code cmcd} is the
   * request's {@code CMCD} query parameter, or null. Only segments count, so a session's
   * starvations never outnumber its segments, and its renditions are folders that were served.
   */
  public void served(PlaybackClaims claims, StreamRequest stream, String cmcd) {
    if (reports == null || claims.sid() == null || claims.probe() || !isSegment(stream.type())) {
      return;
    }
    Cmcd data = Cmcd.parse(cmcd);
    Counts counts = pending.get(claims.sid());
    if (counts == null) {
      if (pending.size() >= MAX_SESSIONS) {
        return;
      }
      counts = pending.computeIfAbsent(claims.sid(), sid -> new Counts(claims.eid()));
    }
    counts.add(rendition(stream.file(), data.bitrateKbps()), data);
  }

  /** Hands what was counted since the last flush to the platform, in batches. */
  void flush() {
    try {
      List<DeliveryReport> batch = new ArrayList<>();
      Iterator<Map.Entry<String, Counts>> entries = pending.entrySet().iterator();
      while (entries.hasNext()) {
        Map.Entry<String, Counts> entry = entries.next();
        entries.remove();
        batch.add(entry.getValue().report(entry.getKey()));
        if (batch.size() == DeliveryReport.PER_BATCH) {
          send(batch);
          batch = new ArrayList<>();
        }
      }
      if (!batch.isEmpty()) {
        send(batch);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Delivery figures not written to the data grid", e);
    }
  }

  private void send(List<DeliveryReport> batch) {
    reports.setAsync(
        UUID.randomUUID().toString(),
        DeliveryReport.encode(batch),
        REPORT_TTL_MINUTES,
        TimeUnit.MINUTES);
  }

  private static boolean isSegment(FileType type) {
    return !type.isManifest() && !type.isSecret() && type != FileType.SUBTITLES;
  }

  /**
   * The rendition of a segment: the folder it is in ({@code 720p/seg_001.ts}), else the bitrate the
   * player said it plays, else "main" (a single-rendition stream).
   */
  static String rendition(String file, int bitrateKbps) {
    int slash = file.indexOf('/');
    if (slash > 0) {
      return file.substring(0, Math.min(slash, MAX_NAME));
    }
    return bitrateKbps > 0 ? bitrateKbps + "kbps" : "main";
  }

  /** One session's counts since the last flush; requests of a session add to it concurrently. */
  private static final class Counts {
    private final String eventId;
    private final Map<String, Long> segments = new LinkedHashMap<>();
    private long throughputSum;
    private int throughputSamples;
    private int starvations;

    Counts(String eventId) {
      this.eventId = eventId;
    }

    synchronized void add(String rendition, Cmcd data) {
      DeliveryReport.add(segments, rendition, 1);
      if (data.throughputKbps() > 0) {
        throughputSum += data.throughputKbps();
        throughputSamples++;
      }
      if (data.starved()) {
        starvations++;
      }
    }

    synchronized DeliveryReport report(String sessionId) {
      return new DeliveryReport(
          sessionId,
          eventId,
          throughputSamples == 0 ? 0 : (int) (throughputSum / throughputSamples),
          starvations,
          Map.copyOf(segments));
    }
  }
}

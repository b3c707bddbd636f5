package io.streamgate.media.delivery.control;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What stream responses under way may hold, so that slow or stalled readers cannot pin the heap: at
 * most {@link #PER_SESSION} at once per playback session and {@code MEDIA_MAX_RESPONSES} in all;
 * bodies held in memory for them within {@code MEDIA_RESPONSE_MEMORY_MB} (a file or fetch that many
 * responses send counts once); and a response whose reader takes less than {@link
 * #MIN_BYTES_PER_SECOND} over {@code MEDIA_SLOW_READER_SECONDS} is ended.
 */
@ApplicationScoped
public class ResponseLimits {

  private static final Logger LOG = Logger.getLogger(ResponseLimits.class.getName());

  /**
   * A player loads at most a playlist and a segment per rendition at once (video, audio, subtitles:
   * six), and browsers open at most six HTTP/1.1 connections per host; two more for responses the
   * server still counts while the player has already given up on them (a quality switch aborts a
   * download).
   */
  public static final int PER_SESSION = 8;

  /**
   * 128 kbit/s, below the lowest rendition HLS authoring guidelines recommend (145 kbit/s): a
   * reader slower than this cannot play any rendition in real time, so ending it costs a viewer
   * nothing.
   */
  public static final long MIN_BYTES_PER_SECOND = 16 * 1024;

  /** The sweep looks this often, or four times within the slow-reader time when that is short. */
  static final Duration SWEEP_AT_MOST_EVERY = Duration.ofSeconds(5);

  /**
   * Bodies this small (playlists, tiny files) are not counted: every viewer fetches the same
   * playlist many times a minute, and counting it made every such request wait for one lock (the
   * manifest benchmark lost about a third); all of them together stay under 2,000 x 64 KiB.
   */
  static final long UNCOUNTED_BYTES = 64 * 1024;

  /** Why a response was not admitted; its name is the metric's reason. */
  public enum Refusal {
    SESSION,
    TOTAL,
    MEMORY
  }

  int maxResponses;

  long memoryMb;

  /** How long a response may stay below the minimum rate, waiting on its reader, before it ends. */
  Duration slowFor;

  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, Integer> perSession = new ConcurrentHashMap<>();
  private final Map<Object, Held> held = new ConcurrentHashMap<>();
  private final AtomicLong heldBytes = new AtomicLong();
  private final Set<Response> underWay = ConcurrentHashMap.newKeySet();
  private final AtomicLong endedSlow = new AtomicLong();
  private ScheduledFuture<?> sweeper;

  ResponseLimits() {
    // for CDI
  }

  @Inject
  void configure(MediaSettings settings) {
    maxResponses = (int) settings.maxResponses();
    memoryMb = settings.responseMemoryMb();
    slowFor = Duration.ofSeconds(settings.slowReaderSeconds());
  }

  /** Limits that no scheduler sweeps; for tests, which call {@link #sweep()} themselves. */
  public ResponseLimits(int maxResponses, long memoryMb, Duration slowFor, Clock clock) {
    this.maxResponses = maxResponses;
    this.memoryMb = memoryMb;
    this.slowFor = slowFor;
    this.clock = clock;
  }

  /** How often {@link #sweep()} runs: a slow reader is ended within a quarter more of its time. */
  Duration sweepEvery() {
    Duration quarter = slowFor.dividedBy(4);
    return quarter.compareTo(SWEEP_AT_MOST_EVERY) < 0 ? quarter : SWEEP_AT_MOST_EVERY;
  }

  /** A body in memory and how many responses send it. Bodies are keyed by identity. */
  private record Held(long bytes, int responses) {}

  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    long every = sweepEvery().toMillis();
    sweeper = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (sweeper != null) {
      sweeper.cancel(false);
    }
  }

  /**
   * A place for one more response of this playback session (probe tokens have none: {@code null}).
   * Closing the answer frees it.
   */
  public Response admit(String session) throws ResponsesBusyException {
    if (total.incrementAndGet() > maxResponses) {
      total.decrementAndGet();
      throw new ResponsesBusyException(Refusal.TOTAL);
    }
    if (session != null) {
      boolean[] admitted = {false};
      perSession.compute(
          session,
          (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= PER_SESSION) {
              return count;
            }
            admitted[0] = true;
            return now + 1;
          });
      if (!admitted[0]) {
        total.decrementAndGet();
        throw new ResponsesBusyException(Refusal.SESSION);
      }
    }
    Response response = new Response(session, clock.millis());
    underWay.add(response);
    return response;
  }

  /** Responses under way. */
  public int count() {
    return total.get();
  }

  /** Bytes of bodies held in memory for responses under way. */
  public long heldBytes() {
    return heldBytes.get();
  }

  /** Responses ended because their reader was too slow, since the start. */
  public long endedSlow() {
    return endedSlow.get();
  }

  /** Ends the responses whose reader stayed below the minimum rate; runs every few seconds. */
  public void sweep() {
    long now = clock.millis();
    List<Response> slow = new ArrayList<>();
    for (Response response : underWay) {
      if (response.tooSlow(now)) {
        slow.add(response);
      }
    }
    for (Response response : slow) {
      endedSlow.incrementAndGet();
      try {
        response.endSlow();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "ending a slow response", e);
      }
    }
  }

  private boolean hold(Object body, long bytes) {
    long budget = memoryMb * 1024 * 1024;
    boolean[] ok = {true};
    held.compute(
        body,
        (key, now) -> {
          if (now != null) {
            return new Held(now.bytes(), now.responses() + 1);
          }
          long after = heldBytes.addAndGet(bytes);
          // Over the budget refuses, except when nothing else is held: a body larger than the whole
          // budget still goes out, one at a time.
          if (after > budget && after != bytes) {
            heldBytes.addAndGet(-bytes);
            ok[0] = false;
            return null;
          }
          return new Held(bytes, 1);
        });
    return ok[0];
  }

  private void letGo(Object body) {
    held.computeIfPresent(
        body,
        (key, now) -> {
          if (now.responses() > 1) {
            return new Held(now.bytes(), now.responses() - 1);
          }
          heldBytes.addAndGet(-now.bytes());
          return null;
        });
  }

  private void release(Response response) {
    underWay.remove(response);
    total.decrementAndGet();
    if (response.session != null) {
      perSession.computeIfPresent(response.session, (key, count) -> count > 1 ? count - 1 : null);
    }
  }

  /** One admitted response: what it holds, how fast its reader takes it, how to end it. */
  public final class Response implements AutoCloseable {

    private final String session;
    private final List<Object> bodies = new ArrayList<>(1);
    private volatile long sent;
    private volatile boolean waitingForReader;
    private volatile Runnable end;
    private boolean closed;
    // Touched by the sweep only.
    private long markAt;
    private long markSent;

    private Response(String session, long now) {
      this.session = session;
      this.markAt = now;
    }

    /**
     * Holds {@code body} (a byte array, a fetch, a buffer: kept by identity) in memory for this
     * response, {@code bytes} long. False when the memory budget cannot take it.
     */
    public synchronized boolean hold(Object body, long bytes) {
      if (bytes <= UNCOUNTED_BYTES) {
        return !closed;
      }
      if (closed || bodies.contains(body)) {
        return !closed;
      }
      if (!ResponseLimits.this.hold(body, bytes)) {
        return false;
      }
      bodies.add(body);
      return true;
    }

    /** The sender handed {@code bytes} more to the connection. */
    public void sent(long bytes) {
      sent += bytes;
    }

    /** True while the connection cannot take more (the reader is behind), false otherwise. */
    public void waitingForReader(boolean waiting) {
      waitingForReader = waiting;
    }

    /** What ends this response when its reader is too slow. */
    public void whenTooSlow(Runnable end) {
      this.end = end;
    }

    boolean tooSlow(long now) {
      if (!waitingForReader || end == null) {
        markAt = now;
        markSent = sent;
        return false;
      }
      long elapsed = now - markAt;
      if (elapsed < slowFor.toMillis()) {
        return false;
      }
      long taken = sent - markSent;
      markAt = now;
      markSent = sent;
      return taken < MIN_BYTES_PER_SECOND * elapsed / 1000;
    }

    void endSlow() {
      Runnable ending = end;
      close();
      if (ending != null) {
        ending.run();
      }
    }

    /** Frees its place and what it held; again is harmless. */
    @Override
    public void close() {
      List<Object> letGo;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        letGo = List.copyOf(bodies);
        bodies.clear();
      }
      letGo.forEach(ResponseLimits.this::letGo);
      release(this);
    }
  }
}

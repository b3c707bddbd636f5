package io.streamgate.media.upstream.control;

import io.streamgate.common.errors.Causes;
import io.streamgate.common.playback.Playlist;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.media.cache.control.SegmentCache;
import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.streams.control.Manifests;
import io.streamgate.media.streams.entity.StreamRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fetches files from the event's own origin ({@link EventSources}) or else {@code
 * UPSTREAM_ORIGIN/<event>/<path>} with the JDK HTTP client, asynchronously (no request thread
 * waits), once per file however many viewers ask at the same time. The body is handed to viewers as
 * it arrives and written to the segment cache alongside; only a complete 200 (and, for manifests, a
 * complete VOD playlist) is moved into the cache. An origin that stops sending for {@code
 * UPSTREAM_TIMEOUT_SECONDS} fails the fetch.
 */
@ApplicationScoped
public class UpstreamOrigin {

  private static final Logger LOG = Logger.getLogger(UpstreamOrigin.class.getName());

  /** Larger bodies are not HLS files; refusing them bounds the memory a fetch holds. */
  static final long MAX_BODY_BYTES = 64L * 1024 * 1024;

  /** How long a live playlist is shared when it names no target duration: half of 2 s. */
  static final long DEFAULT_LIVE_HOLD_MS = 1000;

  /** Longest a live playlist is shared: half the longest target duration believed. */
  static final long MAX_LIVE_HOLD_MS = 30_000;

  Optional<String> origin;

  long timeoutSeconds;

  @Inject SegmentCache cache;

  @Inject EventSources sources;

  @Inject UpstreamStatistics metrics;

  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<String, Fetch> inFlight = new ConcurrentHashMap<>();

  /** A live playlist just fetched, answered to everyone until {@code until} (clock millis). */
  private record Held(Fetch fetch, long until) {}

  private final Map<String, Held> live = new ConcurrentHashMap<>();
  private HttpClient client;
  private String base;

  @Inject
  void configure(MediaSettings settings) {
    origin = settings.upstreamOrigin();
    timeoutSeconds = settings.upstreamTimeoutSeconds();
  }

  @PostConstruct
  void start() {
    if (origin.isEmpty() && !sources.any()) {
      return;
    }
    base = origin.map(url -> url.replaceAll("/+$", "")).orElse(null);
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(timeoutSeconds))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Where a file that is not local comes from. Looked up for every request; the URL is only built
   * when a fetch starts ({@link #address}), not for the many answered from disk.
   *
   * @param request the file asked for
   * @param stored the request as the segment cache and the shared fetches know it: for an event's
   *     own origin its files sit under a folder named after that origin ({@code <event>/~<tag>/}),
   *     so a changed origin never meets the former one's files or fetches, even across a restart
   * @param own the event's own origin; empty for {@code UPSTREAM_ORIGIN}
   * @param base {@code UPSTREAM_ORIGIN} without its trailing slashes, when the origin is that
   */
  public record Route(
      StreamRequest request, StreamRequest stored, Optional<StreamSource> own, String base) {

    /** True when the event names an origin of its own (then no local file counts). */
    public boolean ownOrigin() {
      return own.isPresent();
    }

    /** The URL fetched. */
    public URI address() {
      return own.map(source -> source.file(request.file()))
          .orElseGet(() -> URI.create(base + "/" + request.relativePath()));
    }
  }

  /** The route of the request's file: the event's own origin, else {@code UPSTREAM_ORIGIN}. */
  public Optional<Route> route(StreamRequest request) {
    if (client == null) {
      return Optional.empty();
    }
    Optional<EventSources.Own> own = sources.of(request.eventId());
    if (own.isPresent()) {
      StreamRequest stored =
          new StreamRequest(
              request.eventId(), "~" + own.get().tag() + "/" + request.file(), request.type());
      return Optional.of(new Route(request, stored, Optional.of(own.get().source()), null));
    }
    return Optional.ofNullable(base).map(url -> new Route(request, request, Optional.empty(), url));
  }

  /**
   * The fetch of the request's file: a live playlist fetched less than half its target duration
   * ago, the fetch under way, or a new one. So however many viewers follow a live playlist, the
   * origin is asked for it at most once per half target duration by each media server.
   */
  public Fetch fetch(Route route) {
    StreamRequest request = route.stored();
    Fetch[] started = new Fetch[1];
    Fetch[] held = new Fetch[1];
    // Decided under the in-flight map's lock for the path: a fetch that ends holds its playlist
    // before it leaves that map (see end), so no request falls between the two and fetches again.
    Fetch fetch =
        inFlight.computeIfAbsent(
            request.relativePath(),
            key -> {
              held[0] = request.type().isManifest() ? held(key) : null;
              if (held[0] != null) {
                return null;
              }
              started[0] = new Fetch();
              return started[0];
            });
    metrics.upstreamFetch(started[0] == null);
    if (started[0] != null) {
      begin(request, route.address(), started[0]);
    }
    return fetch != null ? fetch : held[0];
  }

  /** The live playlist at this path fetched less than half its target duration ago, or null. */
  private Fetch held(String path) {
    Held held = live.get(path);
    return held != null && clock.millis() < held.until() ? held.fetch() : null;
  }

  private void begin(StreamRequest request, URI address, Fetch fetch) {
    HttpRequest get =
        HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(timeoutSeconds)).GET().build();
    client
        .sendAsync(get, info -> subscriber(request, fetch, info))
        .whenComplete(
            (response, failure) -> {
              if (failure != null) {
                LOG.log(Level.FINE, "upstream fetch failed", failure);
                end(request, fetch, failure);
              }
            });
  }

  /**
   * Ends a fetch: a live playlist is held for the requests to come, then the fetch leaves the
   * in-flight map, so that a request from now on starts afresh (or finds the file in the cache or
   * the held playlist), then its followers learn the outcome.
   */
  private void end(StreamRequest request, Fetch fetch, Throwable failure) {
    if (failure == null) {
      holdIfLive(request, fetch);
    }
    inFlight.remove(request.relativePath(), fetch);
    if (failure == null) {
      fetch.finished();
    } else {
      metrics.upstreamError(kind(failure));
      fetch.failed(failure);
    }
  }

  /** Keeps a complete live playlist (200, no end) for half its target duration. */
  private void holdIfLive(StreamRequest request, Fetch fetch) {
    if (!request.type().isManifest()
        || fetch.head().map(head -> head.status() != 200).orElse(true)) {
      return;
    }
    Optional<Playlist> playlist =
        Playlist.read(new String(fetch.body(), StandardCharsets.UTF_8))
            .filter(read -> !read.ended());
    if (playlist.isEmpty()) {
      return;
    }
    long hold =
        playlist
            .get()
            .targetDuration()
            .map(target -> Math.min(target.toMillis() / 2, MAX_LIVE_HOLD_MS))
            .orElse(DEFAULT_LIVE_HOLD_MS);
    long now = clock.millis();
    live.values().removeIf(held -> held.until() <= now);
    live.put(request.relativePath(), new Held(fetch, now + hold));
  }

  /**
   * Largest body accepted: a playlist is read whole, so it is held to {@link Playlist#MAX_BYTES}.
   */
  private static long maxBody(StreamRequest request) {
    return request.type().isManifest() ? Playlist.MAX_BYTES : MAX_BODY_BYTES;
  }

  private static String kind(Throwable failure) {
    for (Throwable cause : Causes.of(failure)) {
      if (cause instanceof java.net.http.HttpTimeoutException) {
        return "timeout";
      }
      if (cause instanceof java.net.ConnectException) {
        return "connect";
      }
    }
    return "broken";
  }

  private HttpResponse.BodySubscriber<Void> subscriber(
      StreamRequest request, Fetch fetch, HttpResponse.ResponseInfo info) {
    long length = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (info.statusCode() >= 400) {
      metrics.upstreamError(info.statusCode() >= 500 ? "status-5xx" : "status-4xx");
    }
    fetch.headed(
        new Fetch.Head(info.statusCode(), length, info.headers().firstValue("Last-Modified")));
    if (info.statusCode() != 200) {
      end(request, fetch, null);
      return HttpResponse.BodySubscribers.replacing(null);
    }
    if (length > maxBody(request)) {
      end(request, fetch, new IOException("upstream body too large"));
      return HttpResponse.BodySubscribers.replacing(null);
    }
    return HttpResponse.BodySubscribers.fromSubscriber(new Download(request, fetch));
  }

  /** Receives the body: to the followers, to a temporary cache file, with an idle watchdog. */
  private final class Download implements Flow.Subscriber<List<ByteBuffer>> {

    private final StreamRequest request;
    private final Fetch fetch;
    private Flow.Subscription subscription;
    private Path temporary;
    private FileChannel file;
    private volatile long lastProgress;
    private ScheduledFuture<?> watchdog;

    Download(StreamRequest request, Fetch fetch) {
      this.request = request;
      this.fetch = fetch;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (cache.enabled() && !request.type().isSecret()) {
        try {
          temporary = cache.temporaryFile(request);
          file =
              FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Segment cache: cannot write, serving without caching", e);
          discardFile();
        }
      }
      lastProgress = clock.millis();
      long period = Math.max(250, timeoutSeconds * 1000 / 4);
      watchdog =
          scheduler.scheduleWithFixedDelay(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
      subscription.request(1);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> buffers) {
      lastProgress = clock.millis();
      for (ByteBuffer buffer : buffers) {
        if (file != null) {
          try {
            file.write(buffer.duplicate());
          } catch (IOException e) {
            LOG.log(Level.WARNING, "Segment cache: write failed, serving without caching", e);
            discardFile();
          }
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        fetch.received(chunk);
      }
      if (fetch.received() > maxBody(request)) {
        subscription.cancel();
        onError(new IOException("upstream body too large"));
        return;
      }
      subscription.request(1);
    }

    @Override
    public synchronized void onError(Throwable failure) {
      if (fetch.done()) {
        return;
      }
      watchdog.cancel(false);
      discardFile();
      end(request, fetch, failure);
    }

    @Override
    public synchronized void onComplete() {
      watchdog.cancel(false);
      if (file != null) {
        try {
          file.close();
          file = null;
          if (cacheable()) {
            cache.commit(request, temporary);
          } else {
            Files.deleteIfExists(temporary);
          }
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Segment cache: could not store a download", e);
          discardFile();
        }
      }
      end(request, fetch, null);
    }

    /**
     * Segments always; manifests only when complete (VOD): live playlists change every second. Key
     * files never: a copy on disk next to the segments it opens would be one more place to steal.
     */
    private boolean cacheable() {
      if (request.type().isSecret()) {
        return false;
      }
      return !request.type().isManifest()
          || Manifests.isComplete(new String(fetch.body(), StandardCharsets.UTF_8));
    }

    private synchronized void checkIdle() {
      if (clock.millis() - lastProgress > timeoutSeconds * 1000) {
        subscription.cancel();
        onError(new IOException("upstream stopped sending"));
      }
    }

    private void discardFile() {
      try {
        if (file != null) {
          file.close();
        }
        if (temporary != null) {
          Files.deleteIfExists(temporary);
        }
      } catch (IOException e) {
        LOG.log(Level.FINE, "could not remove a temporary download", e);
      }
      file = null;
      temporary = null;
    }
  }
}

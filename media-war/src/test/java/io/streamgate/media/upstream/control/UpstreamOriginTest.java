package io.streamgate.media.upstream.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamgate.media.ManualScheduler;
import io.streamgate.media.MovableClock;
import io.streamgate.media.cache.control.SegmentCache;
import io.streamgate.media.cache.control.SegmentCaches;
import io.streamgate.media.streams.entity.StreamRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upstream origin against a tiny HTTP server on 127.0.0.1, with the cache on a temp folder. */
class UpstreamOriginTest {

  private static final long WAIT_SECONDS = 10;

  @TempDir Path cacheRoot;

  private final MovableClock clock = new MovableClock();
  private final ManualScheduler watchdogs = new ManualScheduler();
  private final ManualScheduler cacheScheduler = new ManualScheduler();
  private final Recorder statistics = new Recorder();
  private final Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService serverThreads = Executors.newCachedThreadPool();
  private HttpServer server;
  private SegmentCache cache;
  private UpstreamOrigin origin;

  /** What the origin reported, in order; called from the HTTP client's threads. */
  private static final class Recorder implements UpstreamStatistics {
    final List<Boolean> fetches = Collections.synchronizedList(new ArrayList<>());
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void upstreamFetch(boolean joined) {
      fetches.add(joined);
    }

    @Override
    public void upstreamError(String kind) {
      errors.add(kind);
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(serverThreads);
    server.createContext("/", this::answer);
    server.start();
    cache = SegmentCaches.started(cacheRoot, 1L << 30, clock, cacheScheduler.executor);
    origin = origin("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The request's file from where the origin sends it. */
  private static Fetch fetch(UpstreamOrigin origin, StreamRequest request) {
    return origin.fetch(origin.route(request).orElseThrow());
  }

  private UpstreamOrigin origin(String address) {
    return origin(Optional.of(address), EventSourcesFor.trusting());
  }

  private UpstreamOrigin origin(Optional<String> address, EventSources sources) {
    UpstreamOrigin origin = new UpstreamOrigin();
    origin.origin = address;
    origin.sources = sources;
    origin.timeoutSeconds = 10;
    origin.cache = cache;
    origin.metrics = statistics;
    origin.clock = clock;
    origin.scheduler = watchdogs.executor;
    origin.start();
    return origin;
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    serverThreads.shutdownNow();
  }

  static final byte[] SEGMENT = new byte[300 * 1024];

  static {
    for (int i = 0; i < SEGMENT.length; i++) {
      SEGMENT[i] = (byte) (i * 7);
    }
  }

  static final String LIVE = "#EXTM3U\n#EXTINF:2.0,\nseg_0.ts\n";
  static final String VOD = LIVE + "#EXT-X-ENDLIST\n";

  /** The origin: what it answers depends on the file's name. */
  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    asked.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
    try (exchange;
        OutputStream body = exchange.getResponseBody()) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      switch (name) {
        case "slow.ts" -> {
          await(release);
          send(exchange, body, SEGMENT);
        }
        case "live.m3u8" -> send(exchange, body, LIVE.getBytes(StandardCharsets.UTF_8));
        case "vod.m3u8" -> send(exchange, body, VOD.getBytes(StandardCharsets.UTF_8));
        case "missing.ts" -> exchange.sendResponseHeaders(404, -1);
        case "broken.ts" -> exchange.sendResponseHeaders(500, -1);
        case "cut.ts", "stalled.ts" -> {
          exchange.sendResponseHeaders(200, 1000);
          body.write(SEGMENT, 0, 100);
          body.flush();
          if (name.equals("stalled.ts")) {
            await(release);
          }
          throw new IOException("the origin goes away midway"); // the connection is dropped
        }
        default -> send(exchange, body, SEGMENT);
      }
    }
  }

  private static void send(HttpExchange exchange, OutputStream body, byte[] content)
      throws IOException {
    exchange.sendResponseHeaders(200, content.length);
    body.write(content);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static StreamRequest request(String path) {
    return StreamRequest.fromMappedPath("/" + path).orElseThrow();
  }

  /** Waits, with a deadline, until the fetch is over (complete, refused or failed). */
  private static Fetch awaitDone(Fetch fetch) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    fetch.watch(
        () -> {
          if (fetch.done()) {
            done.complete(null);
          }
        });
    done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    return fetch;
  }

  private int asked(String path) {
    AtomicInteger count = asked.get(path);
    return count == null ? 0 : count.get();
  }

  private boolean noTemporaryFiles() throws IOException {
    try (Stream<Path> files = Files.walk(cacheRoot)) {
      return files.noneMatch(file -> file.getFileName().toString().startsWith("."));
    }
  }

  @Test
  void viewersAskingForOneFileAtOnceShareOneDownload() throws Exception {
    StreamRequest segment = request("demo/720p/slow.ts");
    int viewers = 8;
    ExecutorService players = Executors.newFixedThreadPool(viewers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Fetch>> asking = new ArrayList<>();
    try {
      for (int i = 0; i < viewers; i++) {
        asking.add(
            players.submit(
                () -> {
                  go.await(WAIT_SECONDS, TimeUnit.SECONDS);
                  return fetch(origin, segment);
                }));
      }
      go.countDown();
      Fetch first = asking.get(0).get(WAIT_SECONDS, TimeUnit.SECONDS);
      for (Future<Fetch> other : asking) {
        assertSame(first, other.get(WAIT_SECONDS, TimeUnit.SECONDS));
      }
      release.countDown();
      awaitDone(first);

      assertFalse(first.failed());
      assertEquals(200, first.head().orElseThrow().status());
      assertArrayEquals(SEGMENT, first.body());
      assertEquals(1, asked("/demo/720p/slow.ts"), "the origin was asked once");
      assertEquals(viewers, statistics.fetches.size());
      assertEquals(1, Collections.frequency(statistics.fetches, false), "started once");
      assertEquals(viewers - 1, Collections.frequency(statistics.fetches, true), "joined");
      assertArrayEquals(SEGMENT, Files.readAllBytes(cache.lookup(segment).orElseThrow()));
      assertTrue(statistics.errors.isEmpty(), statistics.errors.toString());

      Fetch later = awaitDone(fetch(origin, segment));
      assertNotSame(first, later, "once over, a fetch is not joined any more");
      assertEquals(2, asked("/demo/720p/slow.ts"));
    } finally {
      players.shutdownNow();
    }
  }

  @Test
  void anEventNamingAnAllowedOriginIsFetchedFromItsFolderOthersFromTheUpstream() throws Exception {
    String server = "http://127.0.0.1:" + this.server.getAddress().getPort();
    EventSources sources = EventSourcesFor.trusting(server + "/own");
    UpstreamOrigin both = origin(Optional.of(server + "/upstream"), sources);
    sources.set("gala", server + "/own/gala-2026/");
    sources.set("party", server + "/elsewhere/party/");

    assertEquals(
        LIVE, new String(awaitDone(fetch(both, request("gala/live.m3u8"))).body(), "UTF-8"));
    assertEquals(1, asked("/own/gala-2026/live.m3u8"), "from the event's own folder");
    awaitDone(fetch(both, request("party/live.m3u8")));
    assertEquals(
        1, asked("/upstream/party/live.m3u8"), "a folder EVENT_ORIGINS does not allow is not used");
    assertEquals(0, asked("/elsewhere/party/live.m3u8"));
    assertTrue(both.route(request("gala/live.m3u8")).orElseThrow().ownOrigin());
    assertFalse(both.route(request("party/live.m3u8")).orElseThrow().ownOrigin());

    UpstreamOrigin ownOnly = origin(Optional.empty(), sources);
    assertEquals(
        Optional.of(URI.create(server + "/own/gala-2026/720p/a.ts")),
        ownOnly.route(request("gala/720p/a.ts")).map(UpstreamOrigin.Route::address));
    assertEquals(
        Optional.empty(),
        ownOnly.route(request("party/a.ts")),
        "without UPSTREAM_ORIGIN an event with no usable origin of its own has nothing upstream");
  }

  /**
   * An origin changed while a viewer's fetch from the former one is under way: later viewers get a
   * fetch of their own from the new origin, never the former one's, and each is cached apart.
   */
  @Test
  void aChangedOriginIsNeverAnsweredWithTheFormerOnesFetchOrFiles() throws Exception {
    String server = "http://127.0.0.1:" + this.server.getAddress().getPort();
    EventSources sources = EventSourcesFor.trusting(server + "/own");
    UpstreamOrigin own = origin(Optional.empty(), sources);
    StreamRequest segment = request("gala/slow.ts");
    sources.set("gala", server + "/own/a/");
    UpstreamOrigin.Route toA = own.route(segment).orElseThrow();
    Fetch fromA = own.fetch(toA);

    sources.set("gala", server + "/own/b/");
    UpstreamOrigin.Route toB = own.route(segment).orElseThrow();
    Fetch fromB = own.fetch(toB);
    release.countDown();

    assertNotSame(fromA, awaitDone(fromB), "nobody joins the former origin's fetch");
    awaitDone(fromA);
    assertEquals(1, asked("/own/a/slow.ts"));
    assertEquals(1, asked("/own/b/slow.ts"));
    Path cachedA = cache.lookup(toA.stored()).orElseThrow();
    Path cachedB = cache.lookup(toB.stored()).orElseThrow();
    assertNotEquals(cachedA, cachedB, "kept apart");
    assertEquals(toB.stored(), own.route(segment).orElseThrow().stored(), "what is looked up now");
    assertEquals(2, cache.clearEvent("gala"), "both under the event, cleared with it");
  }

  @Test
  void onlyACompletePlaylistIsCachedALiveOneChanges() throws Exception {
    assertEquals(
        VOD, new String(awaitDone(fetch(origin, request("demo/vod.m3u8"))).body(), "UTF-8"));
    assertEquals(
        LIVE, new String(awaitDone(fetch(origin, request("demo/live.m3u8"))).body(), "UTF-8"));

    assertTrue(cache.lookup(request("demo/vod.m3u8")).isPresent());
    assertTrue(cache.lookup(request("demo/live.m3u8")).isEmpty());
    assertTrue(noTemporaryFiles());
  }

  @Test
  void aFileTheOriginDoesNotHaveEndsTheFetchWithItsStatus() throws Exception {
    Fetch fetch = awaitDone(fetch(origin, request("demo/missing.ts")));

    assertFalse(fetch.failed(), "an answer, passed on as 404");
    assertEquals(404, fetch.head().orElseThrow().status());
    assertEquals(List.of("status-4xx"), statistics.errors);
    assertTrue(cache.lookup(request("demo/missing.ts")).isEmpty());
  }

  @Test
  void anOriginErrorEndsTheFetchWithItsStatus() throws Exception {
    Fetch fetch = awaitDone(fetch(origin, request("demo/broken.ts")));

    assertEquals(500, fetch.head().orElseThrow().status(), "passed on as 502");
    assertEquals(List.of("status-5xx"), statistics.errors);
    assertTrue(cache.lookup(request("demo/broken.ts")).isEmpty());
  }

  @Test
  void anOriginNobodyAnswersFailsTheFetch() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Fetch fetch = awaitDone(fetch(origin("http://127.0.0.1:" + closedPort), request("demo/a.ts")));

    assertTrue(fetch.failed(), "answered 502");
    assertTrue(fetch.head().isEmpty());
    assertEquals(List.of("connect"), statistics.errors);
  }

  @Test
  void aBodyCutOffMidwayFailsTheFetchAndIsNotCached() throws Exception {
    Fetch fetch = awaitDone(fetch(origin, request("demo/cut.ts")));

    assertTrue(fetch.failed(), "followers cut their responses off too");
    assertEquals(200, fetch.head().orElseThrow().status());
    // Known: this failure is counted a second time when the HTTP client's future fails after the
    // body subscriber's onError (seen as [broken, broken]); left as it is, the task changed no
    // behaviour. Only the first count is certain at this point.
    assertEquals("broken", statistics.errors.get(0));
    assertTrue(cache.lookup(request("demo/cut.ts")).isEmpty());
    assertTrue(noTemporaryFiles());
    assertEquals(0, cache.stats().files(), "nothing was stored");
  }

  @Test
  void anOriginThatStopsSendingFailsTheFetchOnceTheTimeoutPassed() throws Exception {
    Fetch fetch = fetch(origin, request("demo/stalled.ts"));
    CompletableFuture<Void> started = new CompletableFuture<>();
    fetch.watch(
        () -> {
          if (fetch.received() >= 100) {
            started.complete(null);
          }
        });
    started.get(WAIT_SECONDS, TimeUnit.SECONDS);

    clock.move(Duration.ofSeconds(10));
    watchdogs.runPeriodic();
    assertFalse(fetch.done(), "not idle for longer than the timeout yet");

    clock.move(Duration.ofSeconds(1));
    watchdogs.runPeriodic();
    assertTrue(fetch.failed());
    assertEquals(List.of("broken"), statistics.errors);
    assertTrue(cache.lookup(request("demo/stalled.ts")).isEmpty());
    assertTrue(noTemporaryFiles());

    Fetch again = fetch(origin, request("demo/stalled.ts"));
    assertNotSame(fetch, again, "the next viewer tries the origin afresh");
  }
}

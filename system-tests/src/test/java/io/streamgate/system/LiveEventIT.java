package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.streamgate.common.playback.Playlist;
import io.streamgate.system.LiveEncoder.Format;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Live events with a real encoder (ffmpeg, in real time, 2 s segments, a sliding window): from "not
 * started" through live to the recording, from the media server's own folder and from an nginx
 * origin it proxies, as MPEG-TS, CMAF and AES-128; a live playlist shared by many viewers; and a
 * viewer's whole evening in the browser. One StreamGate of its own, whose upstream origin is the
 * nginx.
 */
class LiveEventIT {

  private static final Logger LOG = Logger.getLogger(LiveEventIT.class.getName());

  private static final String PLAYING = "() => document.getElementById('video').currentTime > 0";

  private static final Pattern URI_ATTRIBUTE = Pattern.compile("URI=\"([^\"]+)\"");

  /** Where an event's encoder writes. */
  enum Source {
    /** The media server's own folder ({@code STREAM_ROOT/<event>}). */
    LOCAL,
    /** The nginx origin's folder, proxied by the media server ({@code UPSTREAM_ORIGIN}). */
    ORIGIN
  }

  /** The folder of the nginx origin under which events may name origins of their own. */
  private static final String OWN_ORIGINS = "/own/";

  private static NginxOrigin origin;
  private static LaunchedStreamGate server;
  private static Fixtures fixtures;
  private static MediaClient media;

  @BeforeAll
  static void start() throws Exception {
    EncoderTools.require(EncoderTools.FFMPEG);
    EncoderTools.require(EncoderTools.NGINX);
    Path root = Path.of("target", "system", "live-origin").toAbsolutePath();
    Files.createDirectories(root);
    origin = NginxOrigin.start(root);
    Map<String, String> settings = new HashMap<>(StreamGateExtension.SHARED_SETTINGS);
    settings.put("UPSTREAM_ORIGIN", origin.url());
    settings.put("EVENT_ORIGINS", origin.url() + OWN_ORIGINS);
    server = LaunchedStreamGate.start("live", settings);
    fixtures = new Fixtures(server.jdbcUrl(), "", server.dataDir());
    media = new MediaClient(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  private static Path folder(Source source, String event) {
    return (source == Source.LOCAL ? server.dataDir().resolve("streams") : origin.root())
        .resolve(event);
  }

  @ParameterizedTest(name = "{1} from {0}")
  @CsvSource({
    "LOCAL, TS",
    "ORIGIN, TS",
    "LOCAL, CMAF",
    "ORIGIN, CMAF",
    "LOCAL, AES128",
    "ORIGIN, AES128"
  })
  void aLiveEventGoesFromNotStartedThroughLiveToTheRecording(Source source, Format format)
      throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    assertEquals("not-started", status(event, code));
    try (LiveEncoder encoder = LiveEncoder.start(folder(source, event), format, "master.m3u8")) {
      awaitStatus(event, code, "live");
      playsEveryKindOfFile(event, format);
      encoder.finish();
      awaitStatus(event, code, "recording");
    }
  }

  /**
   * An event that names its own origin (its stream URL: a folder of the nginx origin under {@code
   * EVENT_ORIGINS}, and the entry playlist in it) is served from there on a media server that also
   * has a folder of its own and an {@code UPSTREAM_ORIGIN} (hybrid), and only from there: a
   * recording in the local folder of the same event is not played. When the admin points the event
   * at a folder that {@code EVENT_ORIGINS} does not allow, the media server serves it as if it
   * named none.
   */
  @Test
  void anEventNamingItsOwnOriginIsServedFromThereOnlyWhereOpsAllowIt() throws Exception {
    String folderName = "gala-" + System.nanoTime();
    AdminApi admin = new AdminApi(server).loggedIn();
    Instant starts = Instant.now().minus(Duration.ofHours(1));
    Function<String, String> draft =
        streamUrl -> AdminApi.eventJson("Own origin", starts, Duration.ofHours(3), streamUrl);
    JsonObject created =
        admin.createEvent(draft.apply(origin.url() + OWN_ORIGINS + folderName + "/stream.m3u8"));
    String event = created.getString("id");
    assertEquals("stream.m3u8", created.getString("entryPlaylist"));
    String code = fixtures.code(event);
    Path local = folder(Source.LOCAL, event);
    Files.createDirectories(local);
    String decoy = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nold.ts\n#EXT-X-ENDLIST\n";
    Files.writeString(local.resolve("stream.m3u8"), decoy);
    String entry = "/streams/" + event + "/stream.m3u8";

    assertEquals("not-started", status(event, code), "the local recording is not the stream");
    Path own = origin.root().resolve(OWN_ORIGINS.substring(1)).resolve(folderName);
    try (LiveEncoder encoder = LiveEncoder.start(own, Format.TS, "stream.m3u8")) {
      awaitStatus(event, code, "live");
      String token = media.token(event);
      String master = text(media.get(entry, token));
      assertTrue(master.contains("#EXT-X-STREAM-INF"), master);
      assertTrue(origin.requests("/" + OWN_ORIGINS.substring(1) + folderName + "/stream.m3u8") > 0);

      admin.json(
          200,
          admin.send(
              "PUT",
              "/api/admin/events/" + event,
              draft.apply(origin.url() + "/elsewhere/" + folderName + "/stream.m3u8")));
      Eventually.await(
          "served as if it named none",
          Duration.ofSeconds(10),
          () -> decoy.equals(MediaClient.text(media.get(entry, token))));
    }
  }

  /**
   * What a player fetches, through the media server with a viewer's token: the master, a variant,
   * its newest segment, and for CMAF the init segment, for AES-128 the key (never to be kept by a
   * cache), whose URI carries the token like every other when the player uses the query.
   */
  private void playsEveryKindOfFile(String event, Format format) {
    String token = media.token(event);
    String prefix = "/streams/" + event + "/";
    Playlist master = Playlist.read(text(media.get(prefix + "master.m3u8", token))).orElseThrow();
    String variantPath = master.variants().get(0);
    HttpResponse<byte[]> variantResponse = media.get(prefix + variantPath, token);
    assertEquals(200, variantResponse.statusCode());
    assertEquals("no-cache, no-store", header(variantResponse, "Cache-Control"));
    String variantText = text(variantResponse);
    Playlist variant = Playlist.read(variantText).orElseThrow();
    assertFalse(variant.ended());
    URI variantUri = URI.create(prefix + variantPath);

    HttpResponse<byte[]> segment =
        media.get(variantUri.resolve(variant.lastSegment()).getPath(), token);
    assertEquals(200, segment.statusCode());
    assertEquals(
        format == Format.CMAF ? "video/iso.segment" : "video/mp2t",
        header(segment, "Content-Type"));
    assertTrue(segment.body().length > 1000, "a segment of video");

    Optional<String> tagUri = tagUri(variantText);
    if (format == Format.CMAF) {
      HttpResponse<byte[]> init =
          media.get(variantUri.resolve(tagUri.orElseThrow()).getPath(), token);
      assertEquals(200, init.statusCode());
      assertEquals("video/mp4", header(init, "Content-Type"));
    }
    if (format == Format.AES128) {
      String keyPath = variantUri.resolve(tagUri.orElseThrow()).getPath();
      HttpResponse<byte[]> key = media.get(keyPath, token);
      assertEquals(200, key.statusCode());
      assertEquals(16, key.body().length);
      assertEquals("no-store, private", header(key, "Cache-Control"));
      assertEquals(401, media.get(keyPath, null).statusCode());
      String carried = text(media.get(prefix + variantPath + "?__token=" + token, null));
      String keyUri = tagUri(carried).orElseThrow();
      assertTrue(keyUri.endsWith("?__token=" + token), keyUri);
      assertArrayEquals(key.body(), media.get(variantUri.resolve(keyUri).toString(), null).body());
    }
  }

  private static Optional<String> tagUri(String playlist) {
    Matcher matcher = URI_ATTRIBUTE.matcher(playlist);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * Fifty viewers following one live playlist through the media server, each reloading it twice a
   * target duration: the origin is asked for it at most once per half target duration (1 s),
   * counted in nginx's access log.
   */
  @Test
  void fiftyViewersOfALivePlaylistMakeOneOriginRequestPerHalfTargetDuration() throws Exception {
    String event = fixtures.liveEvent();
    try (LiveEncoder encoder =
        LiveEncoder.start(folder(Source.ORIGIN, event), Format.TS, "master.m3u8")) {
      encoder.awaitVariantPlaylist(Duration.ofSeconds(20));
      String path = "/streams/" + event + "/v0/index.m3u8";
      String originPath = "/" + event + "/v0/index.m3u8";
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        tokens.add(media.token(event));
      }
      List<Integer> statuses = new CopyOnWriteArrayList<>();
      int before = origin.requests(originPath);
      long started = System.nanoTime();
      // Every 100 ms five viewers reload, so each of the fifty reloads once a second: 400 requests.
      Cadence.run(
          80,
          n -> Duration.ofMillis(100),
          Duration.ofSeconds(60),
          n -> {
            List<CompletableFuture<HttpResponse<byte[]>>> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
              String token = tokens.get((n * 5 + i) % tokens.size());
              batch.add(media.getAsync(path, token));
            }
            for (CompletableFuture<HttpResponse<byte[]>> response : batch) {
              statuses.add(response.join().statusCode());
            }
            return true;
          });
      double seconds = (System.nanoTime() - started) / 1e9;
      int fetches = origin.requests(originPath) - before;
      LOG.info(
          () ->
              String.format(
                  "live playlist: %d viewer requests in %.1f s, %d origin requests",
                  statuses.size(), seconds, fetches));
      assertEquals(400, statuses.size());
      assertTrue(statuses.stream().allMatch(status -> status == 200), statuses.toString());
      assertTrue(
          fetches <= Math.ceil(seconds) + 1,
          fetches + " origin requests in " + seconds + " s for 400 viewer requests");
      assertTrue(fetches >= 2, "the live playlist is fetched again, never held for long");
    }
  }

  /**
   * A viewer's evening: the code is entered before the encoder is up (the waiting screen), the
   * stream starts (the player appears by itself within 5 s of the first segment and plays at the
   * live edge for 20 s without a stall over 1 s), the encoder goes away (Reconnecting) and comes
   * back (playback resumes by itself), the stream ends (RECORDING, played to its end).
   */
  @Test
  void aViewerWaitsWatchesLiveRidesThroughARestartAndSeesTheRecording() throws Exception {
    try (Chromium chromium = Chromium.launch();
        BrowserContext context = chromium.newContext()) {
      String event = fixtures.liveEvent();
      Page page = context.newPage();
      page.addInitScript(STALL_WATCH);
      page.navigate(server.uri("/?code=" + fixtures.code(event)).toString());
      page.click("#watch");
      page.waitForSelector("#pre-event:not([hidden])");
      assertTrue(page.isVisible("#starting-soon"));
      Chromium.screenshots(page, "live-1-waiting");

      try (LiveEncoder encoder =
          LiveEncoder.start(folder(Source.LOCAL, event), Format.TS, "master.m3u8")) {
        encoder.awaitVariantPlaylist(Duration.ofSeconds(20));
        // The first segment's file is complete when it is listed: that moment is the start.
        Instant firstSegment =
            Files.getLastModifiedTime(folder(Source.LOCAL, event).resolve("v0/seg_00000.ts"))
                .toInstant();
        page.waitForSelector(
            "#player-screen:not([hidden])", new Page.WaitForSelectorOptions().setTimeout(15_000));
        Duration toPlayer = Duration.between(firstSegment, Instant.now());
        LOG.info(
            () ->
                "waiting screen to player: " + toPlayer.toMillis() + " ms after the first segment");
        assertTrue(
            toPlayer.compareTo(Duration.ofSeconds(5)) <= 0,
            "the player appeared " + toPlayer + " after the first segment");
        page.waitForFunction(PLAYING, null, new Page.WaitForFunctionOptions().setTimeout(15_000));
        assertEquals("LIVE", page.textContent("#badge").strip());

        // 20 s of playback at the live edge; how far behind the encoder each segment is shown.
        page.evaluate("() => window.streamgateStalls.reset()");
        Map<String, Instant> shown = new LinkedHashMap<>();
        List<String> behindLive = new ArrayList<>();
        double startedAt = currentTime(page);
        Cadence.run(
            600,
            n -> Duration.ofMillis(100),
            Duration.ofSeconds(60),
            n -> {
              Object segment =
                  page.evaluate("() => document.getElementById('player').dataset.segment");
              if (segment instanceof String name
                  && !name.isEmpty()
                  && shown.putIfAbsent(name, Instant.now()) == null) {
                behindLive.add(
                    String.valueOf(
                        page.evaluate(
                            "() => document.getElementById('player').dataset.behindLive")));
              }
              return currentTime(page) - startedAt < 20;
            });
        Chromium.screenshots(page, "live-2-playing");
        double longestStall =
            ((Number) page.evaluate("() => window.streamgateStalls.longest()")).doubleValue();
        assertTrue(longestStall <= 1000, "a stall of " + longestStall + " ms at the live edge");
        List<Double> delays = new ArrayList<>();
        Path folder = folder(Source.LOCAL, event);
        shown.forEach(
            (segment, at) -> {
              try {
                Instant written = Files.getLastModifiedTime(folder.resolve(segment)).toInstant();
                delays.add(Duration.between(written, at).toMillis() / 1000.0);
              } catch (java.io.IOException e) {
                // left the window already: not measured
              }
            });
        LOG.info(
            () ->
                "live delay, segment written to shown (s): "
                    + delays
                    + "; behind the live edge by hls.js's estimate (s): "
                    + behindLive);
        assertFalse(delays.isEmpty(), "segments on screen were measured");

        // Back 5 s in the DVR window (the arrow key), then "Go live" returns to the edge.
        double beforeSeek = currentTime(page);
        page.keyboard().press("ArrowLeft");
        page.waitForFunction(
            "t => { const v = document.getElementById('video');"
                + " return v.currentTime < t - 3 && !v.paused && v.readyState >= 3; }",
            beforeSeek,
            new Page.WaitForFunctionOptions().setTimeout(10_000));
        double behind = currentTime(page);
        page.mouse().move(640, 400);
        page.click("#go-live");
        page.waitForFunction(
            "t => document.getElementById('video').currentTime > t + 4",
            behind,
            new Page.WaitForFunctionOptions().setTimeout(10_000));

        // The encoder goes away for a while, then comes back where it left off.
        encoder.crash();
        page.waitForSelector("#reconnecting", new Page.WaitForSelectorOptions().setTimeout(30_000));
        Chromium.screenshots(page, "live-3-reconnecting");
        encoder.resume();
        page.waitForSelector(
            "#reconnecting",
            new Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.HIDDEN)
                .setTimeout(30_000));
        double resumedAt = currentTime(page);
        page.waitForFunction(
            "t => document.getElementById('video').currentTime > t + 2",
            resumedAt,
            new Page.WaitForFunctionOptions().setTimeout(20_000));
        Chromium.screenshots(page, "live-4-resumed");

        // The stream ends: the rest is a recording, played to its end.
        encoder.finish();
        page.waitForFunction(
            "() => document.getElementById('badge').textContent.trim() === 'RECORDING'",
            null,
            new Page.WaitForFunctionOptions().setTimeout(30_000));
        page.waitForFunction(
            "() => document.getElementById('video').ended",
            null,
            new Page.WaitForFunctionOptions().setTimeout(60_000));
        Chromium.screenshots(page, "live-5-recording");
        assertFalse(page.isVisible("#ended"), "the end of the stream is not the end of access");
      }
    }
  }

  /** Measures stalls: the time from each 'waiting' of the video to its next 'playing'. */
  private static final String STALL_WATCH =
      """
      (() => {
        let since = null, longest = 0;
        document.addEventListener('waiting', () => { if (since === null) since = performance.now(); }, true);
        document.addEventListener('playing', () => {
          if (since !== null) { longest = Math.max(longest, performance.now() - since); since = null; }
        }, true);
        window.streamgateStalls = {
          reset: () => { since = null; longest = 0; },
          longest: () => Math.max(longest, since === null ? 0 : performance.now() - since)
        };
      })();
      """;

  private static double currentTime(Page page) {
    return ((Number) page.evaluate("() => document.getElementById('video').currentTime"))
        .doubleValue();
  }

  private static String status(String event, String code) {
    HttpResponse<String> response = server.get("/api/events/" + event + "/status?code=" + code);
    assertEquals(200, response.statusCode(), response.body());
    return JsonBodies.parse(response.body()).getString("status");
  }

  /** Asks once a second, as a waiting screen would (the code may ask 30 times a minute). */
  private static void awaitStatus(String event, String code, String wanted) throws Exception {
    String[] last = {""};
    Cadence.run(
        25,
        n -> Duration.ofSeconds(1),
        Duration.ofSeconds(40),
        n -> {
          last[0] = status(event, code);
          return !wanted.equals(last[0]);
        });
    assertEquals(wanted, last[0], "status of " + event);
  }

  private static String text(HttpResponse<byte[]> response) {
    assertEquals(200, response.statusCode());
    return MediaClient.text(response);
  }

  private static String header(HttpResponse<byte[]> response, String name) {
    return response.headers().firstValue(name).orElse("");
  }
}

package io.streamgate.system;

import static io.streamgate.system.MediaClient.text;
import static io.streamgate.system.MediaDeliveryIT.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The media server in front of an upstream origin (a fake one the test controls): one fetch per
 * file however many viewers ask, complete files cached on disk with their rendition folders, live
 * playlists never cached, failures of the origin never cached, the cache kept under its cap.
 */
@ExtendWith(StreamGateExtension.class)
class UpstreamProxyIT {

  private static final Pattern JOINED =
      Pattern.compile(
          "streamgate_media_upstream_fetches_total\\{[^}]*kind=\"joined\"[^}]*} ([0-9.]+)");

  private LaunchedStreamGate streamGate;
  private FakeOrigin origin;
  private MediaClient client;
  private String event;
  private String token;

  @BeforeEach
  void anEventOnlyTheOriginHas(LaunchedStreamGate streamGate, FakeOrigin origin) throws Exception {
    this.streamGate = streamGate;
    this.origin = origin;
    this.client = new MediaClient(streamGate);
    this.event = UUID.randomUUID().toString();
    this.token = client.token(event);
  }

  private String streams(String file) {
    return "/streams/" + event + "/" + file;
  }

  private String upstream(String file) {
    return "/" + event + "/" + file;
  }

  private Path cached(String file) {
    return streamGate.dataDir().resolve("segment-cache").resolve(event).resolve(file);
  }

  @Test
  void aSegmentInARenditionFolderIsFetchedOnceThenServedFromTheCache() {
    byte[] segment = random(200 * 1024);
    origin.serve(upstream("720p/seg_1.ts"), segment);

    HttpResponse<byte[]> first = client.get(streams("720p/seg_1.ts"), token);
    assertEquals(200, first.statusCode());
    assertArrayEquals(segment, first.body());
    assertEquals("video/mp2t", first.headers().firstValue("Content-Type").orElse(""));
    HttpResponse<byte[]> second = client.get(streams("720p/seg_1.ts"), token);
    assertArrayEquals(segment, second.body());
    HttpResponse<byte[]> range =
        client.get(streams("720p/seg_1.ts"), token, Map.of("Range", "bytes=0-9"));
    assertEquals(206, range.statusCode(), "from the cache, ranges work");

    assertEquals(1, origin.requests(upstream("720p/seg_1.ts")));
    assertTrue(Files.isRegularFile(cached("720p/seg_1.ts")), "kept in its rendition folder");
  }

  @Test
  void completePlaylistsAreCachedLiveOnesSharedForHalfTheirTargetDuration() {
    String vod = "#EXTM3U\n#EXTINF:2,\nseg_0.ts\n#EXT-X-ENDLIST\n";
    String live =
        "#EXTM3U\n#EXT-X-TARGETDURATION:6\n#EXT-X-MEDIA-SEQUENCE:7\n#EXTINF:6,\nseg_7.ts\n";
    origin.serve(upstream("vod.m3u8"), vod.getBytes(StandardCharsets.UTF_8));
    origin.serve(upstream("live.m3u8"), live.getBytes(StandardCharsets.UTF_8));

    for (int i = 0; i < 2; i++) {
      HttpResponse<byte[]> response = client.get(streams("vod.m3u8"), token);
      assertEquals(vod, text(response));
      assertEquals(
          "private, max-age=86400", response.headers().firstValue("Cache-Control").orElse(""));
      HttpResponse<byte[]> changing = client.get(streams("live.m3u8"), token);
      assertEquals(live, text(changing));
      assertEquals("no-cache, no-store", changing.headers().firstValue("Cache-Control").orElse(""));
    }
    assertEquals(1, origin.requests(upstream("vod.m3u8")));
    assertEquals(1, origin.requests(upstream("live.m3u8")), "shared for 3 s, never stored");
    assertFalse(Files.exists(cached("live.m3u8")));

    String carried = text(client.get(streams("live.m3u8") + "?__token=" + token, null));
    assertTrue(carried.contains("\nseg_7.ts?__token=" + token + "\n"), carried);

    // Half a target duration later it is asked for again: a live playlist is never older.
    Eventually.await(
        "the live playlist fetched again",
        Duration.ofSeconds(10),
        () -> {
          client.get(streams("live.m3u8"), token);
          return origin.requests(upstream("live.m3u8")) == 2;
        });
  }

  @Test
  void keyFilesAreNeverStoredAndPlaylistsOverOneMegabyteAreRefused() {
    byte[] key = random(16);
    origin.serve(upstream("enc.key"), key);
    HttpResponse<byte[]> response = client.get(streams("enc.key"), token);
    assertEquals(200, response.statusCode());
    assertArrayEquals(key, response.body());
    assertEquals("no-store, private", response.headers().firstValue("Cache-Control").orElse(""));
    client.get(streams("enc.key"), token);
    assertEquals(2, origin.requests(upstream("enc.key")), "asked for every time");
    assertFalse(Files.exists(cached("enc.key")));

    String huge = "#EXTM3U\n" + "#EXTINF:2,\nseg.ts\n".repeat(70_000);
    origin.serve(upstream("huge.m3u8"), huge.getBytes(StandardCharsets.UTF_8));
    assertEquals(502, client.get(streams("huge.m3u8"), token).statusCode());
  }

  /**
   * What an origin's playlist may not do to viewers: hide a URI behind a lone CR (players read it
   * as a line of its own, and it would get the token), or grow hundreds of times once the token is
   * written into each of its many short lines.
   */
  @Test
  void playlistsThatWouldHandOutOrBlowUpTheTokenAreRefused() {
    String hidden = "#EXTM3U\n#EXTINF:2,\rhttp://127.0.0.1:9/steal.ts\n#EXTINF:2,\nseg_0.ts\n";
    origin.serve(upstream("hidden.m3u8"), hidden.getBytes(StandardCharsets.UTF_8));
    assertEquals(502, client.get(streams("hidden.m3u8") + "?__token=" + token, null).statusCode());

    String lines = "#EXTM3U\n#EXT-X-TARGETDURATION:2\n" + "a\n".repeat(100_000);
    origin.serve(upstream("bomb.m3u8"), lines.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, client.get(streams("bomb.m3u8"), token).statusCode(), "as it is: fine");
    assertEquals(502, client.get(streams("bomb.m3u8") + "?__token=" + token, null).statusCode());
  }

  @Test
  void twentyViewersAskingAtOnceCauseOneFetch() throws Exception {
    byte[] segment = random(300 * 1024);
    CountDownLatch release = origin.holdBack(upstream("720p/seg_2.ts"), segment);
    double joinedBefore = joined();

    // Twenty viewers, each with a token of their own: one session may only have a few at once.
    List<CompletableFuture<HttpResponse<byte[]>>> viewers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      viewers.add(
          client
              .http()
              .sendAsync(
                  HttpRequest.newBuilder(streamGate.uri(streams("720p/seg_2.ts")))
                      .header("Authorization", "Bearer " + client.token(event))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray()));
    }
    // Release the origin only once all 20 are waiting on the one fetch.
    Eventually.await(
        "19 requests joined the fetch",
        Duration.ofSeconds(20),
        () -> joined() >= joinedBefore + 19);
    release.countDown();

    for (CompletableFuture<HttpResponse<byte[]>> viewer : viewers) {
      HttpResponse<byte[]> response = viewer.get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, response.statusCode());
      assertArrayEquals(segment, response.body());
    }
    assertEquals(1, origin.requests(upstream("720p/seg_2.ts")));
  }

  @Test
  void whatTheOriginLacksIs404AndItsFailuresAre502() {
    origin.status(upstream("gone.ts"), 404);
    origin.status(upstream("broken.ts"), 500);
    HttpResponse<byte[]> missing = client.get(streams("gone.ts"), token);
    assertEquals(404, missing.statusCode());
    assertEquals("{\"error\":\"Not found\",\"code\":\"not-found\"}", text(missing));
    HttpResponse<byte[]> broken = client.get(streams("broken.ts"), token);
    assertEquals(502, broken.statusCode());
    assertEquals(
        "{\"error\":\"Stream source unavailable\",\"code\":\"upstream-unavailable\"}",
        text(broken));
    assertFalse(Files.exists(cached("gone.ts")) || Files.exists(cached("broken.ts")));
  }

  @Test
  void aBodyCutShortIsNeitherPassedOffAsCompleteNorCached() throws Exception {
    byte[] segment = random(100 * 1024);
    origin.cutShort(upstream("cut.ts"), segment, 40 * 1024);
    assertNotReceivedWhole(streams("cut.ts"), segment);
    assertNoFilesLeft("cut.ts");

    origin.serve(upstream("cut.ts"), segment);
    assertArrayEquals(segment, client.get(streams("cut.ts"), token).body());
    assertEquals(2, origin.requests(upstream("cut.ts")), "fetched again, not served from cache");
  }

  @Test
  void anOriginThatStopsSendingIsGivenUpOnAndNothingIsCached() throws Exception {
    byte[] segment = random(100 * 1024);
    origin.stall(upstream("stall.ts"), segment, 10 * 1024);
    assertNotReceivedWhole(streams("stall.ts"), segment);
    assertNoFilesLeft("stall.ts");

    origin.serve(upstream("stall.ts"), segment);
    assertArrayEquals(segment, client.get(streams("stall.ts"), token).body());
  }

  @Test
  void theCacheStaysUnderItsCapByEvictingTheLeastRecentlyUsed() {
    byte[] segment = random(100 * 1024);
    for (int i = 0; i < 30; i++) {
      origin.serve(upstream("many/seg_" + i + ".ts"), segment);
    }
    for (int i = 0; i < 30; i++) {
      assertEquals(200, client.get(streams("many/seg_" + i + ".ts"), token).statusCode());
    }
    double capMb = 0.002 * 1024;
    Eventually.await(
        "the cache is back under its cap", Duration.ofSeconds(20), () -> cacheSizeMb() <= capMb);
    assertFalse(Files.exists(cached("many/seg_0.ts")), "the least recently used went first");
    assertTrue(Files.exists(cached("many/seg_29.ts")), "the newest stayed");
    client.get(streams("many/seg_0.ts"), token);
    assertEquals(2, origin.requests(upstream("many/seg_0.ts")));
  }

  @Test
  void anAdministratorClearsOneEventsCacheWithTheInternalKey() {
    origin.serve(upstream("720p/seg_5.ts"), random(1000));
    client.get(streams("720p/seg_5.ts"), token);
    assertTrue(Files.exists(cached("720p/seg_5.ts")));

    assertEquals(401, adminDelete(event, "wrong-key-wrong-key").statusCode());
    // An encoded separator either never reaches the media server (the container resolves it to
    // another application's path) or is refused by it; either way a 4xx, and nothing deleted.
    for (String id : List.of("..%2F..", "a%2Fb", "a.b%00")) {
      int status = adminDelete(id, StreamGateExtension.INTERNAL_API_KEY).statusCode();
      assertTrue(status >= 400 && status < 500, id + " answered " + status);
    }
    // A path ending in "/.." can trip Grizzly's URI normaliser (it reads one byte past the end,
    // ArrayIndexOutOfBoundsException in HttpRequestURIDecoder.normalizeBytes) and the container
    // then answers an empty 200 before any StreamGate code runs; otherwise the normalised path
    // "/streams/admin/" is refused. Either way the cache is not cleared.
    HttpResponse<String> dotDot = adminDelete("..", StreamGateExtension.INTERNAL_API_KEY);
    assertFalse(dotDot.body().contains("cleared"), dotDot.body());
    assertTrue(
        dotDot.statusCode() >= 400 || dotDot.body().isEmpty(),
        ".. answered " + dotDot.statusCode() + " " + dotDot.body());
    assertEquals(
        400, adminDelete("no%20spaces", StreamGateExtension.INTERNAL_API_KEY).statusCode());
    assertTrue(Files.exists(cached("720p/seg_5.ts")), "refused requests changed nothing");

    HttpResponse<String> cleared = adminDelete(event, StreamGateExtension.INTERNAL_API_KEY);
    assertEquals(204, cleared.statusCode(), "the specification's answer: " + cleared.body());
    assertEquals("", cleared.body());
    assertFalse(Files.exists(cached("720p/seg_5.ts")));
    client.get(streams("720p/seg_5.ts"), token);
    assertEquals(2, origin.requests(upstream("720p/seg_5.ts")));
  }

  @Test
  void refusedPathsNeverReachTheOrigin() {
    for (String path : List.of("..%2F..%2Fsecret.ts", "%2e%2e/secret.ts", "secret.pem")) {
      int status = client.get(streams(path), token).statusCode();
      assertTrue(status >= 400 && status < 500, path + " answered " + status);
    }
    assertEquals(0, origin.requests("/secret.ts") + origin.requests("/" + event + "/secret.pem"));
  }

  /**
   * What a player sees of a transfer the origin broke off: the whole segment's length announced and
   * fewer bytes before the transfer stops (the media server gives up on an origin that is silent
   * for UPSTREAM_TIMEOUT_SECONDS, 2 s here; nothing can follow after that). Chunked encoding would
   * hide the cut, so the length must be there. Payara offers no portable way to abort a response,
   * so the connection then idles until its keep-alive timeout closes it; a player gives up on the
   * stalled download before that, as this reader does after 5 s without a byte.
   */
  private void assertNotReceivedWhole(String path, byte[] whole) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", streamGate.port())) {
      socket.setSoTimeout(5_000);
      MediaClient.rawGet(socket, path, token);
      java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (IOException stalledOrCut) {
        // the download stalled or the connection was cut: what arrived is what the player has
      }
      byte[] bytes = received.toByteArray();
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int bodyAt = text.indexOf("\r\n\r\n") + 4;
      assertTrue(bodyAt >= 4, "an answer: " + text.substring(0, Math.min(200, text.length())));
      String head = text.substring(0, bodyAt).toLowerCase(java.util.Locale.ROOT);
      Matcher length = Pattern.compile("\r\ncontent-length: *(\\d+)").matcher(head);
      long body = bytes.length - bodyAt;
      assertTrue(
          !head.startsWith("http/1.1 200")
              || (length.find()
                  && Long.parseLong(length.group(1)) == whole.length
                  && body < whole.length),
          "a broken transfer must not look complete: " + body + " bytes received; " + head);
    }
  }

  private void assertNoFilesLeft(String file) throws IOException {
    Path folder = cached(file).getParent();
    Eventually.await(
        "no file for " + file, Duration.ofSeconds(5), () -> !Files.exists(cached(file)));
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        assertEquals(
            List.of(),
            files
                .map(Path::getFileName)
                .map(Path::toString)
                .filter(n -> n.endsWith(".part"))
                .toList());
      }
    }
  }

  private HttpResponse<String> adminDelete(String id, String key) {
    return streamGate.send(
        HttpRequest.newBuilder(URI.create(streamGate.uri("/streams/admin/cache/").toString() + id))
            .header("X-Internal-Api-Key", key)
            .DELETE()
            .build());
  }

  private double joined() {
    Matcher matcher = JOINED.matcher(streamGate.get("/metrics").body());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }

  private double cacheSizeMb() {
    return JsonBodies.parse(streamGate.get("/streams/health").body())
        .getJsonNumber("segmentCacheSizeMB")
        .doubleValue();
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two test helpers on their own, in seconds and without StreamGate: a real encoder ({@link
 * LiveEncoder}) writes a live stream into a folder that a real nginx ({@link NginxOrigin}) serves;
 * the stream moves on and ends as a recording.
 */
class LiveEncoderTest {

  @TempDir Path root;

  private final HttpClient http = TestHttp.client();

  @Test
  void aLiveStreamServedByNginxMovesOnAndEndsAsARecording() throws Exception {
    try (NginxOrigin origin = NginxOrigin.start(root);
        LiveEncoder encoder =
            LiveEncoder.start(root.resolve("event"), LiveEncoder.Format.TS, "master.m3u8", 2)) {
      encoder.awaitVariantPlaylist(Duration.ofSeconds(10));

      HttpResponse<String> master = get(origin, "/event/master.m3u8");
      assertEquals(200, master.statusCode());
      assertEquals(
          Optional.of("application/vnd.apple.mpegurl"),
          master.headers().firstValue("Content-Type"));
      assertTrue(master.headers().firstValue("Last-Modified").isPresent());
      assertTrue(
          master
              .body()
              .lines()
              .toList()
              .containsAll(java.util.List.of("v0/index.m3u8", "v1/index.m3u8")),
          master.body());

      HttpResponse<String> variant = get(origin, "/event/v0/index.m3u8");
      assertEquals(200, variant.statusCode());
      assertFalse(variant.body().contains("#EXT-X-ENDLIST"), variant.body());
      String segment =
          variant.body().lines().filter(line -> line.endsWith(".ts")).findFirst().orElseThrow();
      HttpResponse<byte[]> bytes =
          http.send(
              HttpRequest.newBuilder(URI.create(origin.url() + "/event/v0/" + segment))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, bytes.statusCode());
      assertEquals(Optional.of("video/mp2t"), bytes.headers().firstValue("Content-Type"));
      assertEquals(0x47, bytes.body()[0], "MPEG-TS sync byte");

      long first = encoder.mediaSequence(0);
      Eventually.await(
          "the media sequence moves on from " + first,
          Duration.ofSeconds(8),
          () -> encoder.mediaSequence(0) > first);

      encoder.finish();
      assertTrue(get(origin, "/event/v1/index.m3u8").body().contains("#EXT-X-ENDLIST"));
      assertEquals(2, origin.requests("/event/v0/"));
      assertEquals(4, origin.requests("/event/"));
    }
  }

  private HttpResponse<String> get(NginxOrigin origin, String path) {
    return TestHttp.send(http, HttpRequest.newBuilder(URI.create(origin.url() + path)));
  }
}

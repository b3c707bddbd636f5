package io.streamgate.media.streams.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestsTest {

  private static final String T = "aaa.bbb.ccc";

  @Test
  void everyRelativeUriCarriesTheToken() {
    String master =
        String.join(
            "\n",
            "#EXTM3U",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"en\",URI=\"audio/index.m3u8\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=2000000,AUDIO=\"aac\"",
            "720p/index.m3u8",
            "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=1,URI=\"720p/iframes.m3u8?x=1\"",
            "");
    assertEquals(
        String.join(
            "\n",
            "#EXTM3U",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"en\",URI=\"audio/index.m3u8?__token="
                + T
                + "\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=2000000,AUDIO=\"aac\"",
            "720p/index.m3u8?__token=" + T,
            "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=1,URI=\"720p/iframes.m3u8?x=1&__token=" + T + "\"",
            ""),
        Manifests.withToken(master, T).orElseThrow());
  }

  @Test
  void segmentsMapsAndKeysCarryTheTokenAbsoluteUrisDoNot() {
    String media =
        "#EXTM3U\r\n#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"\r\n#EXT-X-MAP:URI=\"init.mp4\"\r\n"
            + "#EXTINF:2.0,\r\nseg_000.m4s\r\n#EXTINF:2.0,\r\nhttps://cdn.example/seg_001.m4s\r\n"
            + "/streams/e/seg_002.m4s\r\n//cdn.example/seg_003.m4s\r\n#EXT-X-ENDLIST\r\n";
    String rewritten = Manifests.withToken(media, T).orElseThrow();
    assertTrue(rewritten.contains("URI=\"key.bin?__token=" + T + "\""));
    assertTrue(rewritten.contains("URI=\"init.mp4?__token=" + T + "\""));
    assertTrue(rewritten.contains("\r\nseg_000.m4s?__token=" + T + "\r\n"));
    assertTrue(rewritten.contains("\r\nhttps://cdn.example/seg_001.m4s\r\n"));
    assertTrue(rewritten.contains("\r\n/streams/e/seg_002.m4s?__token=" + T + "\r\n"));
    assertTrue(rewritten.contains("\r\n//cdn.example/seg_003.m4s\r\n"));
  }

  /**
   * URIs a browser's URL parser (WHATWG) resolves to another host, though RFC 3986 would call some
   * of them relative paths: a backslash is a slash in http(s) URLs, leading spaces and controls are
   * dropped, tabs and line breaks inside are dropped. None may carry the token.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\\\evil.example/x.ts",
        "/\\evil.example/x.ts",
        "\\/evil.example/x.ts",
        " //evil.example/x.ts",
        "\u0001//evil.example/x.ts",
        "/\t/evil.example/x.ts",
        "\t//evil.example/x.ts",
        "/\r/evil.example/x.ts",
        "HTTPS://evil.example/x.ts",
        "ht\ttps://evil.example/x.ts",
        "javascript:alert(1)",
        "a+b.c-d:x"
      })
  void urisThatBrowsersResolveToAnotherHostNeverCarryTheToken(String uri) {
    assertEquals(uri, Manifests.uriWithToken(uri, T));
    String tag = "#EXT-X-KEY:METHOD=AES-128,URI=\"" + uri + "\"";
    assertEquals(tag + "\n", Manifests.withToken(tag + "\n", T).orElseThrow());
    if (uri.strip().equals(uri)) {
      String line = "#EXTINF:2.0,\n" + uri + "\n";
      assertEquals(line, Manifests.withToken(line, T).orElseThrow());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"seg_0.ts", "/streams/e/seg_0.ts", "a/b:c.ts", "seg.ts?t=1:2", "./x.ts"})
  void pathsOnThisHostCarryIt(String uri) {
    assertTrue(Manifests.uriWithToken(uri, T).contains("__token=" + T), uri);
  }

  @Test
  void aPlaylistWithEndListIsComplete() {
    assertTrue(Manifests.isComplete("#EXTM3U\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n"));
    assertFalse(Manifests.isComplete("#EXTM3U\n#EXTINF:2,\na.ts\n"));
  }

  /** A lone CR is a line end to hls.js and ffmpeg: what follows it would be a URI of its own. */
  @Test
  void aCarriageReturnOnItsOwnIsNotAProperLineEnd() {
    assertTrue(Manifests.hasOnlyProperLineEnds("#EXTM3U\r\n#EXTINF:2,\r\na.ts\r\n"));
    assertFalse(Manifests.hasOnlyProperLineEnds("#EXTM3U\n#EXTINF:2,\r//evil.example/x.ts\n"));
    assertFalse(Manifests.hasOnlyProperLineEnds("#EXTM3U\na.ts\r"));
  }

  @Test
  void aUriWithAControlCharacterNeverGetsTheToken() {
    String playlist = "#EXTM3U\n#EXTINF:2,\ns1.ts\u000b//evil.example/x.ts\n";
    assertEquals(playlist, Manifests.withToken(playlist, T).orElseThrow());
  }

  /** The token goes into every URI: a playlist of short lines must not grow without bound. */
  @Test
  void aPlaylistThatWouldGrowPastTheCapWithTheTokenIsNotWritten() {
    String token = "t".repeat(740);
    // An hour of 2 s segments: 1,800 URIs, about 1.4 MB with the token.
    String hour = "#EXTM3U\n" + "#EXTINF:2,\nseg.ts\n".repeat(1_800);
    assertTrue(Manifests.withToken(hour, token).isPresent());
    // 20,000 one-letter lines (40 kB) would become about 15 MB.
    String bomb = "#EXTM3U\n" + "a\n".repeat(20_000);
    assertTrue(Manifests.withToken(bomb, token).isEmpty());
  }
}

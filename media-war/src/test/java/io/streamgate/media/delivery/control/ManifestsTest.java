package io.streamgate.media.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
        Manifests.withToken(master, T));
  }

  @Test
  void segmentsMapsAndKeysCarryTheTokenAbsoluteUrisDoNot() {
    String media =
        "#EXTM3U\r\n#EXT-X-KEY:METHOD=AES-128,URI=\"key.bin\"\r\n#EXT-X-MAP:URI=\"init.mp4\"\r\n"
            + "#EXTINF:2.0,\r\nseg_000.m4s\r\n#EXTINF:2.0,\r\nhttps://cdn.example/seg_001.m4s\r\n"
            + "/streams/e/seg_002.m4s\r\n//cdn.example/seg_003.m4s\r\n#EXT-X-ENDLIST\r\n";
    String rewritten = Manifests.withToken(media, T);
    assertTrue(rewritten.contains("URI=\"key.bin?__token=" + T + "\""));
    assertTrue(rewritten.contains("URI=\"init.mp4?__token=" + T + "\""));
    assertTrue(rewritten.contains("\r\nseg_000.m4s?__token=" + T + "\r\n"));
    assertTrue(rewritten.contains("\r\nhttps://cdn.example/seg_001.m4s\r\n"));
    assertTrue(rewritten.contains("\r\n/streams/e/seg_002.m4s?__token=" + T + "\r\n"));
    assertTrue(rewritten.contains("\r\n//cdn.example/seg_003.m4s\r\n"));
  }

  @Test
  void aPlaylistWithEndListIsComplete() {
    assertTrue(Manifests.isComplete("#EXTM3U\n#EXTINF:2,\na.ts\n#EXT-X-ENDLIST\n"));
    assertFalse(Manifests.isComplete("#EXTM3U\n#EXTINF:2,\na.ts\n"));
  }
}

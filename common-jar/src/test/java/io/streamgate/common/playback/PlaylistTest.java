package io.streamgate.common.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaylistTest {

  private static final String MASTER =
      "#EXTM3U\n#EXT-X-VERSION:3\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=540000,RESOLUTION=426x240\nv0/index.m3u8\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=220000,RESOLUTION=256x144\nv1/index.m3u8\n";

  private static String live(long sequence, int first) {
    StringBuilder playlist =
        new StringBuilder("#EXTM3U\r\n#EXT-X-VERSION:6\r\n#EXT-X-TARGETDURATION:2\r\n");
    playlist.append("#EXT-X-MEDIA-SEQUENCE:").append(sequence).append("\r\n");
    playlist.append("#EXT-X-KEY:METHOD=AES-128,URI=\"../enc.key\"\r\n");
    for (int i = first; i < first + 3; i++) {
      playlist.append("#EXTINF:2.000000,\r\nseg_").append(i).append(".ts\r\n");
    }
    return playlist.toString();
  }

  @Test
  void aMasterListsItsVariants() {
    Playlist master = Playlist.read(MASTER).orElseThrow();
    assertTrue(master.isMaster());
    assertEquals(List.of("v0/index.m3u8", "v1/index.m3u8"), master.variants());
    assertEquals(0, master.segments());
  }

  @Test
  void aLivePlaylistMovesWhenItsWindowDoes() {
    Playlist before = Playlist.read(live(7, 7)).orElseThrow();
    assertEquals(Optional.of(Duration.ofSeconds(2)), before.targetDuration());
    assertEquals(7, before.mediaSequence());
    assertEquals(3, before.segments());
    assertEquals("seg_9.ts", before.lastSegment());
    assertFalse(before.ended());
    assertEquals(before.fingerprint(), Playlist.read(live(7, 7)).orElseThrow().fingerprint());
    assertNotEquals(before.fingerprint(), Playlist.read(live(8, 8)).orElseThrow().fingerprint());
    assertTrue(Playlist.read(live(8, 8) + "#EXT-X-ENDLIST\r\n").orElseThrow().ended());
  }

  @Test
  void whatIsNotAPlaylistOrMakesNoSenseIsNotBelieved() {
    assertTrue(Playlist.read("<html>").isEmpty());
    assertTrue(Playlist.read("").isEmpty());
    Playlist odd =
        Playlist.read("#EXTM3U\n#EXT-X-TARGETDURATION:86400\n#EXT-X-MEDIA-SEQUENCE:-4\n")
            .orElseThrow();
    assertEquals(Optional.empty(), odd.targetDuration());
    assertEquals(0, odd.mediaSequence());
    assertFalse(odd.hasContent());
  }

  @Test
  void onlyPlainRelativePathsInsideTheFolderAreFollowed() {
    assertEquals(Optional.of("v0/index.m3u8"), Playlist.insideFolder("v0/index.m3u8"));
    for (String uri :
        List.of(
            "../other/index.m3u8",
            "/streams/other/index.m3u8",
            "//evil.example/x.m3u8",
            "https://evil.example/x.m3u8",
            "v0/index.m3u8?x=1",
            "v0//index.m3u8",
            "v0\\index.m3u8",
            ".hidden.m3u8",
            "")) {
      assertEquals(Optional.empty(), Playlist.insideFolder(uri), uri);
    }
  }
}

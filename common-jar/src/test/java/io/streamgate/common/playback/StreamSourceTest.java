package io.streamgate.common.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An event's own origin, as its stream URL names it. */
class StreamSourceTest {

  @Test
  void aUrlNamesAFolderOrTheEntryPlaylistInIt() throws Exception {
    StreamSource playlist =
        StreamSource.parse(" HTTPS://Origin.Example:8443/live/gala/stream.m3u8 ");
    assertEquals(URI.create("https://origin.example:8443/live/gala/"), playlist.folder());
    assertEquals(Optional.of("stream.m3u8"), playlist.playlist());

    StreamSource folder = StreamSource.parse("http://origin.example/live/gala");
    assertEquals(URI.create("http://origin.example/live/gala/"), folder.folder());
    assertEquals(Optional.empty(), folder.playlist());
    assertEquals(
        URI.create("http://origin.example/"), StreamSource.parse("http://origin.example").folder());
    assertEquals(
        URI.create("http://origin.example/live/gala/720p/seg_1.ts"), folder.file("720p/seg_1.ts"));
  }

  @Test
  void whatTheMediaServersCouldNotFetchSafelyIsRefused() {
    for (String bad :
        List.of(
            "ftp://origin.example/live/",
            "https://user:pw@origin.example/live/",
            "https://origin.example/live/?token=1",
            "https://origin.example/live/#top",
            "https://origin.example/live/../../etc/",
            "https://origin.example/live/%2e%2e/",
            "https://origin.example//live/",
            "https:///live/",
            "https://origin.example/" + "a".repeat(1000))) {
      assertThrows(StreamSource.Problem.class, () -> StreamSource.parse(bad), bad);
      assertEquals(Optional.empty(), StreamSource.of(bad), bad);
    }
    assertEquals(Optional.empty(), StreamSource.of(null));
    assertEquals(Optional.empty(), StreamSource.of(" "));
  }

  @Test
  void aFolderIsUnderAnOriginByParsedPartsNotByItsSpelling() throws Exception {
    StreamSource origin = StreamSource.parse("https://origin.example/live");
    assertTrue(under("https://ORIGIN.example:443/live/gala/", origin));
    assertTrue(under("https://origin.example/live/", origin));
    assertFalse(under("https://origin.example/live2/gala/", origin), "not a path segment");
    assertFalse(under("https://origin.example.evil/live/gala/", origin));
    assertFalse(under("http://origin.example/live/gala/", origin), "another scheme");
    assertFalse(under("https://origin.example:8443/live/gala/", origin), "another port");
    assertFalse(under("https://origin.example/", origin), "above the allowed folder");
    assertTrue(under("http://127.0.0.1:8080/a/", StreamSource.parse("http://127.0.0.1:8080")));
  }

  private static boolean under(String url, StreamSource origin) throws Exception {
    return StreamSource.parse(url).isUnder(origin);
  }
}

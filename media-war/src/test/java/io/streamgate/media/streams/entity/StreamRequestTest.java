package io.streamgate.media.streams.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRequestTest {

  @Test
  void aPlainPathNamesEventFileAndType() {
    StreamRequest request = StreamRequest.fromMappedPath("/demo/720p/seg_000.ts").orElseThrow();
    assertEquals("demo", request.eventId());
    assertEquals("720p/seg_000.ts", request.file());
    assertEquals(FileType.TRANSPORT_STREAM, request.type());
    assertEquals("/streams/demo/720p/seg_000.ts", request.streamPath());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/demo/../other/master.m3u8",
        "/demo/%2e%2e/other/master.m3u8",
        "/demo/720p%2F..%2F..%2Fsecret.ts",
        "/demo/..\\..\\secret.ts",
        "/demo/720p\\seg.ts",
        "/demo//master.m3u8",
        "/demo/./master.m3u8",
        "/demo/.hidden.ts",
        "/demo/seg\u0000.ts",
        "/demo/seg\n.ts",
        "/demo/seg%.ts",
        "/demo/seg;jsessionid=1.ts",
        "/demo/s\u00e9g.ts",
        "/demo/master.m3u8/",
        "/demo/secret.pem",
        "/demo/index.html",
        "/demo/.m3u8",
        "/master.m3u8",
        "demo/master.m3u8",
        "/a/b/c/d/e/f/g/h/i.ts"
      })
  void anythingButPlainNamesIsRefused(String path) {
    assertTrue(StreamRequest.fromMappedPath(path).isEmpty(), path);
  }

  @Test
  void overlongNamesAreRefused() {
    assertTrue(StreamRequest.fromMappedPath("/demo/" + "a".repeat(200) + ".ts").isEmpty());
    assertTrue(StreamRequest.fromMappedPath("/demo/" + "a/".repeat(600) + "x.ts").isEmpty());
  }

  @Test
  void everyHlsTypeIsServed() {
    for (String name : new String[] {"a.m3u8", "a.ts", "a.m4s", "a.mp4", "a.aac", "a.vtt"}) {
      assertTrue(StreamRequest.fromMappedPath("/e/" + name).isPresent(), name);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/demo/seg%5F000.ts",
        "/demo/../other/master.m3u8",
        "/demo//master.m3u8",
        "/demo/./master.m3u8",
        "/demo/720p\\seg.ts",
        "/demo/seg\u0000.ts",
        "/demo/.hidden.ts",
        "/demo/master.m3u8/",
        "/master.m3u8",
        "/"
      })
  void theMappedPathIsNeverDecodedAgainAndOnlyPlainNamesPass(String pathInfo) {
    assertTrue(StreamRequest.fromMappedPath(pathInfo).isEmpty(), pathInfo);
  }

  @Test
  void noMappedPathIsNoRequest() {
    assertTrue(StreamRequest.fromMappedPath(null).isEmpty());
  }
}

package io.streamgate.media.streams.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRequestTest {

  @Test
  void aPlainPathNamesEventFileAndType() {
    StreamRequest request = StreamRequest.parse("/demo/720p/seg_000.ts").orElseThrow();
    assertEquals("demo", request.eventId());
    assertEquals("720p/seg_000.ts", request.file());
    assertEquals(FileType.TRANSPORT_STREAM, request.type());
    assertEquals("/streams/demo/720p/seg_000.ts", request.streamPath());
  }

  @Test
  void harmlessEscapesAreDecodedOnce() {
    assertEquals(
        "720p/seg_000.ts", StreamRequest.parse("/demo/720p/seg%5F000.ts").orElseThrow().file());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/demo/../other/master.m3u8",
        "/demo/%2e%2e/other/master.m3u8",
        "/demo/%252e%252e/other/master.m3u8",
        "/demo/720p%2F..%2F..%2Fsecret.ts",
        "/demo/..%5C..%5Csecret.ts",
        "/demo/720p\\seg.ts",
        "/demo//master.m3u8",
        "/demo/./master.m3u8",
        "/demo/.hidden.ts",
        "/demo/seg%00.ts",
        "/demo/seg%0a.ts",
        "/demo/seg%.ts",
        "/demo/seg%zz.ts",
        "/demo/seg;jsessionid=1.ts",
        "/demo/s%C3%A9g.ts",
        "/demo/master.m3u8/",
        "/demo/secret.key",
        "/demo/index.html",
        "/demo/.m3u8",
        "/master.m3u8",
        "demo/master.m3u8",
        "/a/b/c/d/e/f/g/h/i.ts"
      })
  void anythingButPlainNamesIsRefused(String path) {
    assertTrue(StreamRequest.parse(path).isEmpty(), path);
  }

  @Test
  void overlongNamesAreRefused() {
    assertTrue(StreamRequest.parse("/demo/" + "a".repeat(200) + ".ts").isEmpty());
    assertTrue(StreamRequest.parse("/demo/" + "a/".repeat(600) + "x.ts").isEmpty());
  }

  @Test
  void everyHlsTypeIsServed() {
    for (String name : new String[] {"a.m3u8", "a.ts", "a.m4s", "a.mp4", "a.aac", "a.vtt"}) {
      assertTrue(StreamRequest.parse("/e/" + name).isPresent(), name);
    }
  }
}

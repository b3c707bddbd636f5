package io.streamgate.media.streams.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRequestTest {

  @Test
  void aPlainPathNamesEventFileAndType() {
    StreamRequest request = StreamRequest.fromRawPath("/demo/720p/seg_000.ts").orElseThrow();
    assertEquals("demo", request.eventId());
    assertEquals("720p/seg_000.ts", request.file());
    assertEquals(FileType.TRANSPORT_STREAM, request.type());
    assertEquals("/streams/demo/720p/seg_000.ts", request.streamPath());
  }

  @Test
  void harmlessEscapesAreDecodedOnce() {
    assertEquals(
        "720p/seg_000.ts",
        StreamRequest.fromRawPath("/demo/720p/seg%5F000.ts").orElseThrow().file());
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
    assertTrue(StreamRequest.fromRawPath(path).isEmpty(), path);
  }

  @Test
  void overlongNamesAreRefused() {
    assertTrue(StreamRequest.fromRawPath("/demo/" + "a".repeat(200) + ".ts").isEmpty());
    assertTrue(StreamRequest.fromRawPath("/demo/" + "a/".repeat(600) + "x.ts").isEmpty());
  }

  @Test
  void everyHlsTypeIsServed() {
    for (String name : new String[] {"a.m3u8", "a.ts", "a.m4s", "a.mp4", "a.aac", "a.vtt"}) {
      assertTrue(StreamRequest.fromRawPath("/e/" + name).isPresent(), name);
    }
  }

  @Test
  void theMappedPathNamesTheSameRequestAsItsPlainRawSpelling() {
    assertEquals(
        StreamRequest.fromRawPath("/demo/720p/seg_000.ts"),
        StreamRequest.fromMappedPath("/demo/720p/seg_000.ts"));
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

  @Test
  void aPlainOrHarmlesslyEscapedRawSpellingNamesTheMappedFile() {
    StreamRequest mapped = StreamRequest.fromMappedPath("/demo/720p/seg_000.ts").orElseThrow();
    assertTrue(mapped.isSpelledPlainlyBy("/demo/720p/seg_000.ts"));
    assertTrue(mapped.isSpelledPlainlyBy("/%64emo/720p/seg%5F000.ts"), "decoded once");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/x/../demo/720p/seg_000.ts",
        "/x/%2e%2e/demo/720p/seg_000.ts",
        "/demo/./720p/seg_000.ts",
        "/demo//720p/seg_000.ts",
        "/demo;jsessionid=x/720p/seg_000.ts",
        "/demo%2f720p/seg_000.ts",
        "/demo/720p/seg_000.ts/x/..",
        "/demo/720p/seg_001.ts",
        "/other/720p/seg_000.ts",
        "demo/720p/seg_000.ts"
      })
  void aRawSpellingThatOnlyTheContainerResolvedToTheFileIsNotPlain(String rawPath) {
    StreamRequest mapped = StreamRequest.fromMappedPath("/demo/720p/seg_000.ts").orElseThrow();
    assertFalse(mapped.isSpelledPlainlyBy(rawPath), rawPath);
    assertFalse(mapped.isSpelledPlainlyBy(null));
  }
}

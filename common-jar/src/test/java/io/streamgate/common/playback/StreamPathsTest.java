package io.streamgate.common.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamPathsTest {

  private static final String PREFIX = "/streams/evt-1/";

  @Test
  void prefixFollowsTheConvention() {
    assertEquals(PREFIX, StreamPaths.prefix("evt-1"));
    assertThrows(IllegalArgumentException.class, () -> StreamPaths.prefix("../x"));
    assertThrows(IllegalArgumentException.class, () -> StreamPaths.prefix(""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/streams/evt-1/master.m3u8", "/streams/evt-1/720p/seg_001.ts"})
  void pathsUnderThePrefixAreAllowed(String path) {
    assertTrue(StreamPaths.isAllowed(path, PREFIX));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/streams/evt-2/master.m3u8",
        "/streams/evt-1",
        "/streams/evt-1/",
        "/streams/evt-1/../evt-2/master.m3u8",
        "/streams/evt-1/./master.m3u8",
        "/streams/evt-1//master.m3u8",
        "/streams/evt-1/a\\..\\b.ts",
        "/streams/evt-10/master.m3u8",
      })
  void pathsOutsideThePrefixOrWithTricksAreRefused(String path) {
    assertFalse(StreamPaths.isAllowed(path, PREFIX));
  }
}

package io.streamgate.media.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

  @Test
  void rangesInsideTheFile() {
    assertEquals(new ByteRange(0, 99), ByteRange.parse("bytes=0-99", 1000));
    assertEquals(new ByteRange(900, 999), ByteRange.parse("bytes=900-", 1000));
    assertEquals(new ByteRange(800, 999), ByteRange.parse("bytes=-200", 1000));
    assertEquals(new ByteRange(500, 999), ByteRange.parse("bytes=500-5000", 1000), "clipped");
    assertEquals(new ByteRange(0, 999), ByteRange.parse("bytes=-5000", 1000), "suffix clipped");
  }

  @Test
  void rangesOutsideTheFileAreUnsatisfiable() {
    assertSame(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=1000-", 1000));
    assertSame(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=5000-6000", 1000));
    assertSame(ByteRange.UNSATISFIABLE, ByteRange.parse("bytes=-0", 1000));
  }

  @Test
  void headersThatAreNotOneRangeMeanTheWholeFile() {
    assertSame(ByteRange.WHOLE, ByteRange.parse(null, 1000));
    assertSame(ByteRange.WHOLE, ByteRange.parse("bytes=0-1,5-6", 1000));
    assertSame(ByteRange.WHOLE, ByteRange.parse("items=0-1", 1000));
    assertSame(ByteRange.WHOLE, ByteRange.parse("bytes=abc-def", 1000));
    assertSame(ByteRange.WHOLE, ByteRange.parse("bytes=99-1", 1000));
    assertSame(ByteRange.WHOLE, ByteRange.parse("bytes=99999999999999999999999-", 1000));
  }
}

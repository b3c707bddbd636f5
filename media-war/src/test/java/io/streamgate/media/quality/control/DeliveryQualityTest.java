package io.streamgate.media.quality.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeliveryQualityTest {

  @Test
  void aSegmentsRenditionIsItsFolderElseThePlayersBitrate() {
    assertEquals("720p", DeliveryQuality.rendition("720p/seg_001.ts", 3200));
    assertEquals("3200kbps", DeliveryQuality.rendition("seg_001.ts", 3200));
    assertEquals("main", DeliveryQuality.rendition("seg_001.ts", 0));
    assertEquals("x".repeat(32), DeliveryQuality.rendition("x".repeat(128) + "/seg_001.ts", 0));
  }
}

package io.streamgate.platform.analytics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenditionsTest {

  @Test
  void deliveryReportsAddUpPerRenditionAndNameEightAtMost() {
    ViewingRecord record = new ViewingRecord("s", "e", "203.0.113.5", "Mozilla/5.0", Instant.EPOCH);
    record.delivered(Map.of("720p", 10L), 4500, 1);
    record.delivered(Map.of("720p", 5L, "360p", 2L, "bogus", 0L), 0, 2);
    assertEquals(Map.of("720p", 15L, "360p", 2L), Renditions.parse(record.renditions()));
    assertEquals(4500, record.throughputKbps(), "the latest measured; 0 says nothing");
    assertEquals(3, record.starvations());

    for (int i = 0; i < 10; i++) {
      record.delivered(Map.of("r" + i, 1L), 0, 0);
    }
    Map<String, Long> named = Renditions.parse(record.renditions());
    assertEquals(9, named.size(), "eight names and other");
    assertEquals(4L, named.get("other"));
  }

  @Test
  void storedPairsThatAreNotNameAndCountAreSkipped() {
    assertEquals(Map.of("720p", 3L), Renditions.parse("720p=3;=4;360p=x;garbage;1080p=0"));
    assertEquals(Map.of(), Renditions.parse(null));
  }
}

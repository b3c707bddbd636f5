package io.streamgate.common.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryReportTest {

  @Test
  void aBatchReadsBackAsWritten() {
    Map<String, Long> segments = new LinkedHashMap<>();
    segments.put("720p", 12L);
    segments.put("360p", 3L);
    List<DeliveryReport> batch =
        List.of(
            new DeliveryReport("sid-1", "demo", 4500, 1, segments),
            new DeliveryReport("sid-2", "gala", 0, 0, Map.of()));
    assertEquals(batch, DeliveryReport.parse(DeliveryReport.encode(batch)));
  }

  @Test
  void linesThisVersionDoesNotUnderstandAreSkipped() {
    assertEquals(
        List.of(new DeliveryReport("ok", "demo", 1, 0, Map.of("main", 2L))),
        DeliveryReport.parse(
            "garbage\n;demo;1;0;\nbad;demo;x;0;\nok;demo;1;0;main=2\ntoo;many;1;0;;fields"));
    assertEquals(List.of(), DeliveryReport.parse(null));
  }
}

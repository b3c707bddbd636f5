package io.streamgate.common.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SharingReportTest {

  @Test
  void aReportSurvivesTheGridAsAPlainString() {
    SharingReport report = new SharingReport(SharingReport.Action.END, 2, 1764655200000L, "demo");
    assertEquals("end;2;1764655200000;demo", report.encode());
    assertEquals(Optional.of(report), SharingReport.parse(report.encode()));
  }

  @Test
  void valuesOfAnotherVersionAreIgnored() {
    assertTrue(SharingReport.parse(null).isEmpty());
    assertTrue(SharingReport.parse("block;2;1;demo").isEmpty());
    assertTrue(SharingReport.parse("end;two;1;demo").isEmpty());
    assertTrue(SharingReport.parse("end;2;1;").isEmpty());
    assertTrue(SharingReport.parse("end;2;1").isEmpty());
  }
}

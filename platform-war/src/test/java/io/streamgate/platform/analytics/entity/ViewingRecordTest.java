package io.streamgate.platform.analytics.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ViewingRecordTest {

  private static final Instant T0 = Instant.parse("2026-12-04T18:00:00Z");
  private static final Duration SPACING = Duration.ofSeconds(10);

  @Test
  void reportsKeepTheHighestTotalsSoAReplayOrALowerReportChangesNothing() {
    ViewingRecord record = new ViewingRecord("s", "e", "203.0.113.5", "Mozilla/5.0", T0);
    assertTrue(record.report(report(800, 2, 3000L, 1), T0.plusSeconds(60), SPACING));
    assertTrue(record.report(report(800, 2, 3000L, 1), T0.plusSeconds(80), SPACING));
    assertTrue(record.report(report(50, 1, 100L, 0), T0.plusSeconds(100), SPACING));

    assertEquals(800, record.startupMs(), "the first start-up time stays");
    assertEquals(2, record.stalls());
    assertEquals(3000L, record.stalledMs());
    assertEquals(1, record.networkErrors());
  }

  @Test
  void aReportSoonerThanTheSpacingIsIgnored() {
    ViewingRecord record = new ViewingRecord("s", "e", "203.0.113.5", "Mozilla/5.0", T0);
    assertTrue(record.report(report(800, 0, 0L, 0), T0.plusSeconds(30), SPACING));
    assertFalse(record.report(report(800, 0, 0L, 9), T0.plusSeconds(35), SPACING));
    assertEquals(0, record.networkErrors());
  }

  @Test
  void stalledTimeCannotExceedTheSessionsAge() {
    ViewingRecord record = new ViewingRecord("s", "e", "203.0.113.5", "Mozilla/5.0", T0);
    record.report(report(null, 1, 600_000L, 0), T0.plusSeconds(30), SPACING);
    assertEquals(30_000L, record.stalledMs());
  }

  @Test
  void theDeviceKeyTellsDevicesApartWithoutTheAddress() {
    String one = ViewingRecord.deviceKey("e", "203.0.113.5", "Mozilla/5.0 A");
    assertEquals(32, one.length());
    assertFalse(one.contains("203"));
    assertEquals(one, ViewingRecord.deviceKey("e", "203.0.113.5", "Mozilla/5.0 A"));
    assertNotEquals(one, ViewingRecord.deviceKey("e", "203.0.113.6", "Mozilla/5.0 A"));
    assertNotEquals(one, ViewingRecord.deviceKey("f", "203.0.113.5", "Mozilla/5.0 A"));
  }

  @Test
  void browserFamiliesFromUserAgents() {
    String chrome =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36";
    assertEquals(ViewingRecord.Browser.CHROME, ViewingRecord.Browser.of(chrome));
    assertEquals(ViewingRecord.Browser.EDGE, ViewingRecord.Browser.of(chrome + " Edg/131.0"));
    assertEquals(
        ViewingRecord.Browser.FIREFOX,
        ViewingRecord.Browser.of("Mozilla/5.0 (X11; rv:133.0) Gecko/20100101 Firefox/133.0"));
    assertEquals(
        ViewingRecord.Browser.SAFARI,
        ViewingRecord.Browser.of(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML,"
                + " like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
    assertEquals(ViewingRecord.Browser.OTHER, ViewingRecord.Browser.of("curl/8.5.0"));
    assertEquals(ViewingRecord.Browser.OTHER, ViewingRecord.Browser.of(null));
  }

  private static QualityReport report(Integer startup, int stalls, Long stalledMs, int network) {
    return new QualityReport(startup, stalls, stalledMs, network, 0, 0, 0);
  }
}

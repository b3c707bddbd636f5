package io.streamgate.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The canonical text H2 and PostgreSQL values are checksummed in, and the copy order. */
class TableChecksumTest {

  @Test
  void anInstantIsTheSameWhateverOffsetTheDriverGivesIt() {
    OffsetDateTime h2 = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 123_456_000, ZoneOffset.ofHours(2));
    OffsetDateTime pg = OffsetDateTime.of(2026, 1, 1, 10, 0, 0, 123_456_000, ZoneOffset.UTC);
    assertEquals("2026-01-01T10:00:00.123456Z", CanonicalValues.text(h2));
    assertEquals(CanonicalValues.text(h2), CanonicalValues.text(pg));
    assertNotEquals(
        CanonicalValues.text(h2), CanonicalValues.text(pg.plusNanos(1_000)), "microseconds count");
    assertEquals(
        "08:30Z", CanonicalValues.text(OffsetTime.of(10, 30, 0, 0, ZoneOffset.ofHours(2))));
    assertEquals("2026-01-01T10:00", CanonicalValues.text(LocalDateTime.of(2026, 1, 1, 10, 0)));
  }

  @Test
  void numbersBooleansAndBytesHaveOneSpelling() {
    assertEquals("1.5", CanonicalValues.text(new BigDecimal("1.500")));
    assertEquals("0", CanonicalValues.text(new BigDecimal("0.000")));
    assertEquals("100", CanonicalValues.text(new BigDecimal("1E+2")));
    assertEquals("42", CanonicalValues.text(42));
    assertEquals("42", CanonicalValues.text(42L));
    assertEquals("0.5", CanonicalValues.text(0.5f));
    assertEquals("true", CanonicalValues.text(Boolean.TRUE));
    assertEquals("false", CanonicalValues.text(false));
    assertEquals("00ff10", CanonicalValues.text(new byte[] {0, (byte) 0xff, 0x10}));
    assertNull(CanonicalValues.text(null));
  }

  @Test
  void differentRowsNeverWriteTheSameBytes() {
    assertNotEquals(checksum(List.of("a", "bc")), checksum(List.of("ab", "c")));
    assertNotEquals(checksum(java.util.Arrays.asList((Object) null)), checksum(List.of("")));
    assertNotEquals(checksum(List.of("N;")), checksum(java.util.Arrays.asList((Object) null)));
    assertNotEquals(checksum(List.of("1"), List.of("2")), checksum(List.of("2"), List.of("1")));
    assertEquals(checksum(List.of("é", 1L)), checksum(List.of("é", 1)));
  }

  @Test
  void countsTheRows() {
    TableChecksum checksum = new TableChecksum();
    checksum.add("a");
    checksum.add("b");
    assertEquals(2, checksum.rows());
    assertEquals(64, checksum.hex().length());
  }

  @Test
  void referencedTablesComeFirst() {
    assertEquals(
        List.of("audit_entry", "event", "access_code", "viewer_session"),
        DatabaseCopy.order(
            Map.of(
                "viewer_session", Set.of("access_code"),
                "access_code", Set.of("event"),
                "audit_entry", Set.of(),
                "event", Set.of("event", "not_copied"))));
    assertThrows(
        IllegalStateException.class,
        () -> DatabaseCopy.order(Map.of("a", Set.of("b"), "b", Set.of("a"))));
  }

  @SafeVarargs
  private static String checksum(List<Object>... rows) {
    TableChecksum checksum = new TableChecksum();
    for (List<Object> row : rows) {
      checksum.add(row.toArray());
    }
    return checksum.hex();
  }
}

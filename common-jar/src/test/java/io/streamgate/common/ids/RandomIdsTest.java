package io.streamgate.common.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

  @Test
  void idsAreVersion4UuidsAndDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = RandomIds.uuid();
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version());
      assertEquals(2, parsed.variant());
      assertEquals(36, id.length());
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }

  @Test
  void timeOrderedIdsAreVersion7SortByTimeAndDiffer() {
    String earlier = RandomIds.timeOrdered(1_700_000_000_000L);
    String later = RandomIds.timeOrdered(1_700_000_000_001L);
    assertEquals(7, java.util.UUID.fromString(earlier).version());
    assertEquals(2, java.util.UUID.fromString(earlier).variant());
    assertTrue(earlier.compareTo(later) < 0, earlier + " " + later);
    assertTrue(earlier.startsWith("018bcfe5-6800-7"), earlier);
    assertNotEquals(earlier, RandomIds.timeOrdered(1_700_000_000_000L));
  }
}

package io.streamgate.media.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RevocationSyncTest {

  @Test
  void followsTheGridWhenThereIsOneUnlessToldToPoll() {
    assertEquals(RevocationSync.GRID, RevocationSync.of(null, true));
    assertEquals(RevocationSync.POLL, RevocationSync.of("", false));
    assertEquals(RevocationSync.POLL, RevocationSync.of(" Poll ", true));
    assertEquals(RevocationSync.GRID, RevocationSync.of("grid", true));
  }

  @Test
  void anUnknownModeStopsStartUpWithTheAllowedValues() {
    var e = assertThrows(IllegalStateException.class, () -> RevocationSync.of("both", true));
    assertEquals("REVOCATION_SYNC must be 'grid' or 'poll' (got 'both')", e.getMessage());
  }
}

package io.streamgate.media.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SharingModeTest {

  @Test
  void endIsTheDefault() {
    assertEquals(SharingMode.END, SharingMode.of(null));
    assertEquals(SharingMode.END, SharingMode.of(" "));
  }

  @Test
  void theThreeWordsInAnyCase() {
    assertEquals(SharingMode.END, SharingMode.of("end"));
    assertEquals(SharingMode.FLAG, SharingMode.of(" Flag "));
    assertEquals(SharingMode.OFF, SharingMode.of("OFF"));
  }

  @Test
  void anythingElseNamesTheSetting() {
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> SharingMode.of("block"));
    assertEquals(
        "TOKEN_SHARING must be 'end', 'flag' or 'off' (got 'block')", refused.getMessage());
  }
}

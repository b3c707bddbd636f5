package io.streamgate.common.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ThrottledWarningTest {

  private final ThrottledWarning warning = new ThrottledWarning();

  @Test
  void theFirstOccurrenceIsLoggedAndTheRestOfItsSecondWaits() {
    assertEquals(1, warning.occurred(10_000));
    assertEquals(0, warning.occurred(10_400));
    assertEquals(0, warning.occurred(10_999));
  }

  @Test
  void theNextSecondLogsEverythingKeptBack() {
    warning.occurred(10_000);
    warning.occurred(10_500);
    warning.occurred(10_900);

    assertEquals(3, warning.occurred(11_000));
    assertEquals(0, warning.occurred(11_001));
  }

  @Test
  void aQuietSpellLogsTheNextOccurrenceAtOnce() {
    warning.occurred(10_000);

    assertEquals(1, warning.occurred(60_000));
  }
}

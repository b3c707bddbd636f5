package io.streamgate.platform.sessions.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The single-device rule's clock: when a session still holds its code and who takes it over. */
class ViewerSessionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Instant STARTED = Instant.parse("2026-12-02T10:00:00Z");

  @Test
  void aSessionHoldsItsCodeUntilTheTimeoutHasPassedWithoutAHeartbeat() {
    ViewerSession session = new ViewerSession(null, "203.0.113.5", "player", STARTED);
    assertTrue(session.isLive(STARTED.plusSeconds(9), TIMEOUT));
    assertTrue(session.isLive(STARTED.plus(TIMEOUT).minusMillis(1), TIMEOUT));
    assertFalse(session.isLive(STARTED.plus(TIMEOUT), TIMEOUT), "exactly the timeout is stale");
    assertFalse(session.isLive(STARTED.plusSeconds(11), TIMEOUT));
  }

  @Test
  void aTakeOverIsANewSessionOnTheNewDeviceThatStartsItsOwnTimeout() {
    ViewerSession session = new ViewerSession(null, "203.0.113.5", "old phone", STARTED);
    String oldSession = session.sessionId();
    Instant later = STARTED.plusSeconds(30);

    session.takeOver("198.51.100.7", "new phone", later);

    assertNotEquals(oldSession, session.sessionId(), "the old device's session id is void");
    assertEquals("198.51.100.7", session.clientIp());
    assertEquals("new phone", session.userAgent());
    assertTrue(session.isLive(later.plusSeconds(9), TIMEOUT));
  }

  @Test
  void aVeryLongUserAgentIsCutToWhatTheColumnHolds() {
    ViewerSession session = new ViewerSession(null, "203.0.113.5", "x".repeat(2000), STARTED);
    assertEquals(512, session.userAgent().length());
  }
}

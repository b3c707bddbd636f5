package io.streamgate.platform.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionPolicyTest {

  @Test
  void playersSendAHeartbeatEvery30SecondsWithTheSpecifiedTimeout() {
    assertEquals(Duration.ofSeconds(30), withTimeout(60).heartbeatInterval());
    assertEquals(Duration.ofSeconds(30), withTimeout(600).heartbeatInterval());
  }

  @Test
  void aShorterTimeoutGetsTwoHeartbeatsPerTimeout() {
    assertEquals(Duration.ofSeconds(5), withTimeout(10).heartbeatInterval());
  }

  private static SessionPolicy withTimeout(int seconds) {
    SessionPolicy policy = new SessionPolicy();
    policy.timeoutSeconds = seconds;
    return policy;
  }
}

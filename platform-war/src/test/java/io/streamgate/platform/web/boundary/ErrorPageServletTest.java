package io.streamgate.platform.web.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

  @Test
  void aBodyReadThatTimedOutIsTheClientsDoing() {
    // What Jersey throws when Grizzly's read of a stalled body gives up.
    var stalled = new RuntimeException(new IOException(new TimeoutException()));
    assertTrue(ErrorPageServlet.bodyTimedOut(stalled));
    assertFalse(ErrorPageServlet.bodyTimedOut(new IllegalStateException("bug")));
  }
}

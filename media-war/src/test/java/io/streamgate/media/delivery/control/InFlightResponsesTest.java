package io.streamgate.media.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightResponsesTest {

  @Test
  void aStopWaitsUntilTheLastResponseUnderWayHasEnded() throws Exception {
    InFlightResponses inFlight = withGrace(60);
    inFlight.started();
    inFlight.started();
    CompletableFuture<Integer> stop = CompletableFuture.supplyAsync(inFlight::awaitNone);
    inFlight.ended();
    assertEquals(1, inFlight.count());
    inFlight.ended();
    assertEquals(0, stop.get(10, TimeUnit.SECONDS), "nothing left unfinished");
  }

  @Test
  void theGracePeriodEndsTheWaitAndSaysWhatIsUnfinished() {
    InFlightResponses inFlight = withGrace(0);
    inFlight.started();
    assertEquals(1, inFlight.awaitNone());
  }

  private static InFlightResponses withGrace(int seconds) {
    InFlightResponses inFlight = new InFlightResponses();
    inFlight.graceSeconds = seconds;
    return inFlight;
  }
}

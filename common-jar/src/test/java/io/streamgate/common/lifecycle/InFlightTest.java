package io.streamgate.common.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightTest {

  private final InFlight inFlight = new InFlight();

  @Test
  void aStopWaitsUntilTheLastRequestUnderWayHasEnded() throws Exception {
    inFlight.started();
    inFlight.started();
    CompletableFuture<Integer> stop =
        CompletableFuture.supplyAsync(() -> inFlight.awaitNone(Duration.ofSeconds(60)));
    inFlight.ended();
    assertEquals(1, inFlight.count());
    inFlight.ended();
    assertEquals(0, stop.get(10, TimeUnit.SECONDS), "nothing left unfinished");
  }

  @Test
  void theGracePeriodEndsTheWaitAndSaysWhatIsUnfinished() {
    inFlight.started();
    assertEquals(1, inFlight.awaitNone(Duration.ZERO));
  }
}

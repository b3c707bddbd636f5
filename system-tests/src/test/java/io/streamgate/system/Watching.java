package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A viewer that redeemed a code and, like a playing player, sends a heartbeat every two seconds
 * until closed, so its session stays live for as long as a test needs it (the shared instance's
 * sessions go stale after 10 s without one).
 */
final class Watching implements AutoCloseable {

  private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();

  Watching(LaunchedStreamGate streamGate, String code) {
    ViewerApi viewer = new ViewerApi(streamGate);
    HttpResponse<String> redeemed = viewer.redeem(code);
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    String token = ViewerApi.token(redeemed);
    heartbeats.scheduleWithFixedDelay(
        () -> viewer.withToken("/api/playback/heartbeat", token), 2, 2, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
  }
}

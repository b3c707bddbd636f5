package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The series operators alert on (DEPLOYMENT.md, Observability): platform responses by status class,
 * live viewer sessions, upstream errors, revocation sync age, responses under way.
 */
@ExtendWith(StreamGateExtension.class)
class MetricsIT {

  @Test
  void platformResponsesAreCountedByStatusClass(LaunchedStreamGate streamGate) {
    double before = Metrics.sum(streamGate, "streamgate_platform_responses_total", "\"4xx\"");
    assertEquals(404, streamGate.get("/no-such-page-" + UUID.randomUUID()).statusCode());
    assertTrue(
        Metrics.sum(streamGate, "streamgate_platform_responses_total", "\"4xx\"") >= before + 1);
    assertTrue(Metrics.sum(streamGate, "streamgate_platform_responses_total", "\"2xx\"") > 0);
  }

  @Test
  void aViewerWatchingShowsInTheLiveSessionCount(LaunchedStreamGate streamGate) throws Exception {
    Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
    String code = fixtures.code(fixtures.liveEvent());
    try (Watching viewer = new Watching(streamGate, code)) {
      Eventually.await(
          "the gauge counts the new session",
          Duration.ofSeconds(10),
          () -> Metrics.sum(streamGate, "streamgate_platform_viewer_sessions", "") >= 1);
    }
  }

  @Test
  void anOriginThatFailsIsCountedAsAnUpstreamError(LaunchedStreamGate streamGate, FakeOrigin origin)
      throws Exception {
    MediaClient client = new MediaClient(streamGate);
    String event = UUID.randomUUID().toString();
    origin.status("/" + event + "/720p/seg_1.ts", 503);
    double before = Metrics.sum(streamGate, "streamgate_media_upstream_errors_total", "status-5xx");
    client.get("/streams/" + event + "/720p/seg_1.ts", client.token(event));
    assertTrue(
        Metrics.sum(streamGate, "streamgate_media_upstream_errors_total", "status-5xx")
            >= before + 1);
  }

  @Test
  void theRevocationViewsAgeAndTheResponsesUnderWayAreReported(LaunchedStreamGate streamGate) {
    double age = Metrics.sum(streamGate, "streamgate_media_revocation_sync_age_seconds", "");
    assertTrue(age >= 0 && age < 60, "in sync, in a grid of its own: " + age);
    assertTrue(streamGate.get("/metrics").body().contains("streamgate_media_responses_in_flight"));
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/events/{id}/status?code=}: the platform asks the media server (a HEAD of the
 * manifest with a probe token) and falls back to the schedule when there is nothing to ask about.
 */
@ExtendWith(StreamGateExtension.class)
class EventStatusIT {

  private static final String MANIFEST = "#EXTM3U\n#EXTINF:2,\nseg_0.ts\n";

  private LaunchedStreamGate streamGate;
  private Fixtures fixtures;

  @BeforeEach
  void connect(LaunchedStreamGate streamGate) {
    this.streamGate = streamGate;
    this.fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
  }

  @Test
  void aManifestThatJustChangedMeansLiveEvenBeforeTheScheduledStart() throws Exception {
    Instant now = Instant.now();
    String event =
        fixtures.event(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), 48, true);
    writeManifest(event, now);
    JsonObject status = status(event, fixtures.code(event));
    assertEquals("live", status.getString("status"));
    assertEquals(event, status.getString("eventId"));
    assertEquals(
        now.plus(Duration.ofDays(1)).getEpochSecond(),
        Instant.parse(status.getString("startsAt")).getEpochSecond());
  }

  @Test
  void aManifestThatStoppedChangingAfterTheStartIsARecording() throws Exception {
    Instant now = Instant.now();
    String event =
        fixtures.event(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)), 48, true);
    writeManifest(event, now.minus(Duration.ofMinutes(10)));
    assertEquals("recording", status(event, fixtures.code(event)).getString("status"));
  }

  @Test
  void withoutAManifestTheScheduleSaysNotStartedOrEnded() throws Exception {
    Instant now = Instant.now();
    String future =
        fixtures.event(now.plus(Duration.ofHours(3)), now.plus(Duration.ofHours(4)), 48, true);
    assertEquals("not-started", status(future, fixtures.code(future)).getString("status"));
    String past =
        fixtures.event(now.minus(Duration.ofHours(4)), now.minus(Duration.ofHours(3)), 48, true);
    assertEquals("ended", status(past, fixtures.code(past)).getString("status"));
  }

  @Test
  void onlyACodeOfTheEventMayAsk() throws Exception {
    String event = fixtures.liveEvent();
    String other = fixtures.liveEvent();
    String foreign = fixtures.code(other);
    assertEquals(401, get(event, foreign).statusCode());
    assertEquals(401, get(event, "NOT-A-CODE").statusCode());
    assertEquals(401, get(event, "").statusCode());
  }

  private void writeManifest(String event, Instant modified) throws Exception {
    Path folder = streamGate.dataDir().resolve("streams").resolve(event);
    Files.createDirectories(folder);
    Path manifest = Files.writeString(folder.resolve("master.m3u8"), MANIFEST);
    Files.setLastModifiedTime(manifest, FileTime.from(modified));
  }

  private JsonObject status(String event, String code) {
    HttpResponse<String> response = get(event, code);
    assertEquals(200, response.statusCode(), response.body());
    return JsonBodies.parse(response.body());
  }

  private HttpResponse<String> get(String event, String code) {
    return streamGate.get("/api/events/" + event + "/status?code=" + code);
  }
}

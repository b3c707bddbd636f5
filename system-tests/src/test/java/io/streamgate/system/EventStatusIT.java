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
 * {@code GET /api/events/{id}/status?code=}: the platform reads what a player would (the entry
 * playlist, then its first variant, through the media server with a probe token) and falls back to
 * the schedule when there is nothing to ask about. Files are written by hand here; the real
 * encoder's transitions are LiveEncoderIT's.
 */
@ExtendWith(StreamGateExtension.class)
class EventStatusIT {

  private static final String MASTER =
      "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=500000\nv0/index.m3u8\n"
          + "#EXT-X-STREAM-INF:BANDWIDTH=200000\nv1/index.m3u8\n";

  private static final String LIVE_VARIANT =
      "#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:40\n"
          + "#EXTINF:2,\nseg_40.ts\n#EXTINF:2,\nseg_41.ts\n";

  private LaunchedStreamGate streamGate;
  private Fixtures fixtures;

  @BeforeEach
  void connect(LaunchedStreamGate streamGate) {
    this.streamGate = streamGate;
    this.fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
  }

  @Test
  void aVariantPlaylistThatJustMovedIsLiveEvenBeforeTheScheduledStart() throws Exception {
    Instant now = Instant.now();
    String event =
        fixtures.event(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), 48, true);
    write(event, "master.m3u8", MASTER, now);
    write(event, "v0/index.m3u8", LIVE_VARIANT, now);
    JsonObject status = status(event, fixtures.code(event));
    assertEquals("live", status.getString("status"));
    assertEquals(event, status.getString("eventId"));
    assertEquals(
        now.plus(Duration.ofDays(1)).getEpochSecond(),
        Instant.parse(status.getString("startsAt")).getEpochSecond());
  }

  /** What ffmpeg leaves for the seconds before its first segment: a master and nothing else. */
  @Test
  void aMasterWithoutItsVariantPlaylistIsNotStartedAfterTheScheduledStartToo() throws Exception {
    Instant now = Instant.now();
    String event = fixtures.liveEvent();
    write(event, "master.m3u8", MASTER, now);
    assertEquals("not-started", status(event, fixtures.code(event)).getString("status"));
  }

  /**
   * The master is written once and never changes while the encoder runs: only the variant decides,
   * and a variant that stopped moving means the encoder is gone (for now).
   */
  @Test
  void aLiveVariantThatStoppedMovingIsNotStartedWhateverTheMaster() throws Exception {
    Instant now = Instant.now();
    String event = fixtures.liveEvent();
    write(event, "master.m3u8", MASTER, now);
    write(event, "v0/index.m3u8", LIVE_VARIANT, now.minus(Duration.ofMinutes(10)));
    assertEquals("not-started", status(event, fixtures.code(event)).getString("status"));
  }

  @Test
  void aVariantWithAnEndIsARecording() throws Exception {
    Instant now = Instant.now();
    String event = fixtures.liveEvent();
    write(event, "master.m3u8", MASTER, now.minus(Duration.ofHours(2)));
    write(event, "v0/index.m3u8", LIVE_VARIANT + "#EXT-X-ENDLIST\n", now);
    assertEquals("recording", status(event, fixtures.code(event)).getString("status"));
  }

  @Test
  void theEventsOwnEntryPlaylistIsTheOneReadAndTheOneViewersAreSent() throws Exception {
    Instant now = Instant.now();
    String event = fixtures.liveEvent();
    fixtures.entryPlaylist(event, "stream.m3u8");
    write(event, "master.m3u8", MASTER, now);
    String code = fixtures.code(event);
    assertEquals("not-started", status(event, code).getString("status"));

    String other = fixtures.liveEvent();
    fixtures.entryPlaylist(other, "stream.m3u8");
    write(other, "stream.m3u8", MASTER, now);
    write(other, "v0/index.m3u8", LIVE_VARIANT, now);
    String otherCode = fixtures.code(other);
    assertEquals("live", status(other, otherCode).getString("status"));
    HttpResponse<String> redeemed = new ViewerApi(streamGate).redeem(otherCode);
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    String streamPath = JsonBodies.parse(redeemed.body()).getString("streamPath");
    assertEquals("/streams/" + other + "/stream.m3u8", streamPath);
  }

  @Test
  void withoutAPlaylistTheScheduleSaysNotStartedOrEnded() throws Exception {
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
    assertEquals(200, get(event, fixtures.code(event)).statusCode());
  }

  private void write(String event, String file, String content, Instant modified) throws Exception {
    Path path = streamGate.dataDir().resolve("streams").resolve(event).resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    Files.setLastModifiedTime(path, FileTime.from(modified));
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

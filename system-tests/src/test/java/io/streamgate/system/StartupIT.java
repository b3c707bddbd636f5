package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a user sees after {@code ./streamgate run} on a clean data folder. */
@ExtendWith(StreamGateExtension.class)
class StartupIT {

  @Test
  void readyWithTheDatabaseMigratedAndADataGridOfItsOwn(LaunchedStreamGate streamGate) {
    HttpResponse<String> ready = streamGate.get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject health = JsonBodies.parse(ready.body());
    assertEquals("UP", health.getString("status"));

    JsonObject database = JsonBodies.check(health, "database").orElseThrow();
    assertEquals("H2", database.getJsonObject("data").getString("product"));
    assertEquals("14", database.getJsonObject("data").getString("schemaVersion"));

    JsonObject grid = JsonBodies.check(health, "data-grid").orElseThrow();
    assertEquals("1", grid.getJsonObject("data").getString("members"));
    assertTrue(JsonBodies.check(health, "stream-root").isPresent(), "the media WAR reports too");

    JsonObject keys = JsonBodies.check(health, "signing-keys").orElseThrow();
    assertEquals("UP", keys.getString("status"));
    assertTrue(keys.getJsonObject("data").getString("signing").matches("\\d{8}-[0-9a-f]{8}"));
    assertEquals(
        "UP", JsonBodies.check(health, "accepting-viewers").orElseThrow().getString("status"));
  }

  @Test
  void alive(LaunchedStreamGate streamGate) {
    HttpResponse<String> live = streamGate.get("/health/live");
    assertEquals(200, live.statusCode());
    JsonObject health = JsonBodies.parse(live.body());
    assertTrue(JsonBodies.check(health, "platform").isPresent());
    assertTrue(JsonBodies.check(health, "media").isPresent());
  }

  @Test
  void launcherPrintsTheBootTimeTheUrlsTheDemoCodesAndTheAdminLogin(LaunchedStreamGate streamGate)
      throws IOException {
    String output = streamGate.launcherOutput();
    assertTrue(streamGate.bootSeconds() > 0);
    assertTrue(output.contains("http://127.0.0.1:" + streamGate.port() + "/"), output);
    assertTrue(output.matches("(?s).*Admin login +admin / [A-Za-z0-9]{20} .*"), output);

    List<String> codes = streamGate.demoCodes();
    assertEquals(5, codes.size());
    for (String code : codes) {
      assertTrue(code.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), code);
      assertTrue(output.contains(code), "printed: " + code);
    }
  }

  /**
   * The specification's seed: an upcoming, a live and an ended event, ten codes each in every
   * state, as the console's API shows them. Other tests redeem the live event's printed codes, so
   * only its revoked and expired ones are counted exactly there.
   */
  @Test
  void consoleShowsTheSeededEventsWithCodesInEveryState(LaunchedStreamGate streamGate) {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    Instant now = Instant.now();

    JsonObject live = admin.get("/api/admin/events/demo").getJsonObject("data");
    assertTrue(Instant.parse(live.getString("startsAt")).isBefore(now));
    assertTrue(Instant.parse(live.getString("endsAt")).isAfter(now));
    JsonObject liveCodes = live.getJsonObject("tokenBreakdown");
    assertEquals(10, live.getInt("tokenCount"));
    assertEquals(1, liveCodes.getInt("revoked"));
    assertEquals(1, liveCodes.getInt("expired"));
    assertTrue(liveCodes.getInt("redeemed") >= 3, liveCodes.toString());

    JsonObject upcoming = admin.get("/api/admin/events/demo-upcoming").getJsonObject("data");
    assertEquals("Demo premiere", upcoming.getString("title"));
    assertTrue(Instant.parse(upcoming.getString("startsAt")).isAfter(now));
    assertEquals(
        Map.of("unused", 6, "redeemed", 2, "expired", 1, "revoked", 1),
        counts(upcoming.getJsonObject("tokenBreakdown")));

    JsonObject ended = admin.get("/api/admin/events/demo-ended").getJsonObject("data");
    assertEquals("Demo matinee", ended.getString("title"));
    Instant endedAt = Instant.parse(ended.getString("endsAt"));
    assertTrue(endedAt.isBefore(now));
    assertTrue(endedAt.plus(Duration.ofHours(ended.getInt("accessWindowHours"))).isAfter(now));
    JsonObject endedCodes = ended.getJsonObject("tokenBreakdown");
    assertEquals(1, endedCodes.getInt("expired"));
    assertEquals(1, endedCodes.getInt("revoked"));
    // theEndedDemoEventsCodesPlayItsRecording may have redeemed one of its four unused codes.
    assertEquals(8, endedCodes.getInt("unused") + endedCodes.getInt("redeemed"));
    assertTrue(endedCodes.getInt("redeemed") >= 4, endedCodes.toString());

    JsonObject upcomingList =
        admin.get("/api/admin/events?timeframe=upcoming&search=Demo+premiere");
    assertEquals(1, upcomingList.getJsonArray("data").size(), upcomingList.toString());
    JsonObject pastList = admin.get("/api/admin/events?timeframe=past&search=Demo+matinee");
    assertEquals(1, pastList.getJsonArray("data").size(), pastList.toString());
  }

  @Test
  void theEndedDemoEventsCodesPlayItsRecording(LaunchedStreamGate streamGate) {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    JsonObject unused = admin.get("/api/admin/tokens?eventId=demo-ended&status=unused&limit=1");
    String code = unused.getJsonArray("data").getJsonObject(0).getString("code");

    HttpResponse<String> redeemed = new ViewerApi(streamGate).redeem(code);
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    HttpResponse<String> playlist =
        streamGate.get(
            "/streams/demo-ended/master.m3u8",
            Map.of("Authorization", "Bearer " + ViewerApi.token(redeemed)));
    assertEquals(200, playlist.statusCode(), "the launcher gave the matinee its recording");
    assertTrue(playlist.body().startsWith("#EXTM3U"), playlist.body());
  }

  private static Map<String, Integer> counts(JsonObject breakdown) {
    return Map.of(
        "unused", breakdown.getInt("unused"),
        "redeemed", breakdown.getInt("redeemed"),
        "expired", breakdown.getInt("expired"),
        "revoked", breakdown.getInt("revoked"));
  }

  @Test
  void viewerPortalIsServedWithTheDemoEvent(LaunchedStreamGate streamGate) {
    HttpResponse<String> page = streamGate.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        page.headers().toString());
    assertTrue(page.body().contains("Watch your event"));
    assertTrue(page.body().contains("StreamGate demo"));
    assertTrue(!page.body().contains("RES_NOT_FOUND"), "every page resource resolves");
  }
}

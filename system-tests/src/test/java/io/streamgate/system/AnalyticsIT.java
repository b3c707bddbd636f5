package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Audience analytics through the API against the shared instance: viewing records written as
 * sessions start, speak and end; the player's quality reports, bounded and counted only for their
 * own session; the figures and their CSV.
 */
@ExtendWith(StreamGateExtension.class)
class AnalyticsIT {

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static AdminApi admin;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    admin = new AdminApi(shared).loggedIn();
  }

  @Test
  void aQualityReportIsBoundedAndChangesOnlyItsOwnSession() throws Exception {
    String event = fixtures.liveEvent();
    String mine = fixtures.code(event);
    String other = fixtures.code(event);
    ViewerApi viewer = new ViewerApi(streamGate);
    String token = ViewerApi.token(viewer.redeem(mine));
    String otherToken = ViewerApi.token(new ViewerApi(streamGate).redeem(other));

    String report = "{\"startupMs\": 900, \"stalls\": 1, \"networkErrors\": 1}";
    assertEquals(200, heartbeat(viewer, token, report).statusCode());
    assertEquals(List.of(900L, 1L, 0L, 1L), fixtures.qualityOf(mine));

    // Out of bounds, unknown, malformed or too large: refused whole, the heartbeat not counted.
    Instant heard = fixtures.lastHeartbeat(mine);
    Map<String, String> refused =
        Map.of(
            "{\"stalls\": -1}", "stalls must be between 0 and 100000.",
            "{\"startupMs\": 600001}", "startupMs must be between 0 and 600000.",
            "{\"networkErrors\": 1001}", "networkErrors must be between 0 and 1000.",
            "{\"stalledMs\": \"long\"}", "stalledMs",
            "{\"sessionId\": \"someone-else\"}", "sessionId",
            "{\"startupMs\": 1", "JSON");
    refused.forEach(
        (body, message) -> {
          HttpResponse<String> answer = heartbeat(viewer, token, body);
          assertEquals(400, answer.statusCode(), body + ": " + answer.body());
          assertTrue(ViewerApi.error(answer).contains(message), body + ": " + answer.body());
        });
    assertEquals(413, heartbeat(viewer, token, " ".repeat(9000) + "{}").statusCode());
    assertEquals(heard, fixtures.lastHeartbeat(mine), "refused heartbeats are not heartbeats");

    // A replay, or lower totals, change nothing; neither does a report too soon after the last.
    assertEquals(200, heartbeat(viewer, token, report).statusCode());
    assertEquals(
        200,
        heartbeat(viewer, token, "{\"startupMs\": 100, \"stalls\": 0, \"networkErrors\": 0}")
            .statusCode());
    assertEquals(200, heartbeat(viewer, token, "{\"networkErrors\": 7}").statusCode());
    assertEquals(List.of(900L, 1L, 0L, 1L), fixtures.qualityOf(mine));

    // Another session's token reports for that session alone; its stalled time cannot exceed
    // the session's age.
    assertEquals(
        200,
        heartbeat(
                viewer,
                otherToken,
                "{\"startupMs\": 5000, \"stalledMs\": 600000, \"networkErrors\": 9}")
            .statusCode());
    assertEquals(List.of(900L, 1L, 0L, 1L), fixtures.qualityOf(mine));
    List<Long> others = fixtures.qualityOf(other);
    assertEquals(List.of(5000L, 0L, 9L), List.of(others.get(0), others.get(1), others.get(3)));
    assertTrue(others.get(2) < 60_000, "stalled " + others.get(2) + " ms in a younger session");

    // Ten seconds on, the session's next report is taken (asked again until it is).
    Eventually.await(
        "the next report taken after the spacing",
        Duration.ofSeconds(20),
        () -> {
          heartbeat(
              viewer,
              token,
              "{\"startupMs\": 50, \"stalls\": 3, \"stalledMs\": 2000, \"networkErrors\": 0}");
          return stalls(mine) == 3;
        });
    assertEquals(
        List.of(900L, 3L, 2000L, 1L),
        fixtures.qualityOf(mine),
        "start-up is the first; a lower error count changes nothing");
  }

  @Test
  void anEventsAnalyticsCountItsSessionsHowTheyEndedAndWhatTheyReported() throws Exception {
    String event = fixtures.liveEvent();
    fixtures.code(event); // issued, never redeemed
    String released = fixtures.code(event);
    String watching = fixtures.code(event);
    String takenOver = fixtures.code(event);

    ViewerApi first = new ViewerApi(streamGate);
    String releasedToken = ViewerApi.token(first.redeem(released));
    assertEquals(200, heartbeat(first, releasedToken, "{\"startupMs\": 400}").statusCode());
    assertEquals(200, first.withToken("/api/playback/release", releasedToken).statusCode());

    ViewerApi second = new ViewerApi(streamGate);
    String watchingToken = ViewerApi.token(second.redeem(watching));
    assertEquals(
        200,
        heartbeat(second, watchingToken, "{\"startupMs\": 1200, \"mediaErrors\": 1}").statusCode());

    ViewerApi third = new ViewerApi(streamGate);
    ViewerApi.token(third.redeem(takenOver));
    fixtures.ageSession(takenOver, Duration.ofMinutes(5));
    ViewerApi fourth = new ViewerApi(streamGate);
    String newToken = ViewerApi.token(fourth.redeem(takenOver));
    assertEquals(200, heartbeat(fourth, newToken, "").statusCode(), "no report is fine");

    JsonObject figures =
        admin.get("/api/admin/events/" + event + "/analytics").getJsonObject("data");
    assertEquals(event, figures.getString("eventId"));
    assertTrue(figures.getBoolean("live"));
    assertEquals(4, figures.getInt("codesIssued"));
    assertEquals(3, figures.getInt("codesRedeemed"));
    assertEquals(4, figures.getInt("sessions"), "a take-over starts a session of its own");
    assertEquals(4, figures.getInt("uniqueDevices"), "four addresses");
    JsonObject startup = figures.getJsonObject("startupMs");
    assertEquals(2, startup.getInt("samples"));
    assertEquals(400, startup.getInt("p50"));
    assertEquals(1200, startup.getInt("p95"));
    assertEquals(1, figures.getJsonObject("errors").getInt("media"));
    assertEquals(
        Map.of("released", 1, "taken_over", 1, "watching", 2),
        figures.getJsonArray("endReasons").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(s -> s.getString("name"), s -> s.getInt("count"))));
    List<JsonObject> minutes = figures.getJsonArray("minutes").getValuesAs(JsonObject.class);
    assertTrue(!minutes.isEmpty());
    JsonObject peak = figures.getJsonObject("peak");
    assertTrue(peak.getInt("viewers") >= 2 && peak.getInt("viewers") <= 4, peak.toString());
    assertEquals(
        peak.getInt("viewers"),
        minutes.stream().mapToInt(m -> m.getInt("viewers")).max().orElseThrow());
    assertEquals(4, minutes.stream().mapToInt(m -> m.getInt("started")).sum());

    HttpResponse<String> csv =
        admin.send("GET", "/api/admin/events/" + event + "/analytics/export", null);
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(
        csv.headers().firstValue("Content-Disposition").orElse("").contains("analytics-"),
        csv.headers().map().toString());
    List<String> lines = csv.body().lines().toList();
    assertEquals("Minute (UTC),Viewers,Sessions started", lines.get(0));
    assertEquals(minutes.size() + 1, lines.size());
    assertEquals(
        minutes.get(0).getString("minute")
            + ","
            + minutes.get(0).getInt("viewers")
            + ","
            + minutes.get(0).getInt("started"),
        lines.get(1));
  }

  @Test
  void onlySegmentsServedCountForDelivery() throws Exception {
    String event =
        new DemoStreams(streamGate.dataDir().resolve("streams")).recording(fixtures.liveEvent());
    String token = ViewerApi.token(new ViewerApi(streamGate).redeem(fixtures.code(event)));
    MediaClient media = new MediaClient(streamGate);
    String base = "/streams/" + event + "/";
    String cmcd = "?CMCD=" + java.net.URLEncoder.encode("bs,mtp=5000,br=800", "UTF-8");
    for (String segment : List.of("360p/seg_000.ts", "360p/seg_001.ts", "720p/seg_000.ts")) {
      assertEquals(200, media.get(base + segment + cmcd, token).statusCode());
    }
    // Made-up folders (404), playlists, HEAD: nothing of them counts, whatever their CMCD says.
    for (int i = 0; i < 5; i++) {
      assertEquals(
          404, media.get(base + "made-up-" + i + "/seg_000.ts" + cmcd, token).statusCode());
      assertEquals(200, media.get(base + "master.m3u8" + cmcd, token).statusCode());
      media.send("HEAD", base + "720p/seg_001.ts" + cmcd, token, Map.of());
    }
    JsonObject figures =
        Eventually.await(
            "the media server's delivery figures (flushed every 15 s)",
            Duration.ofSeconds(40),
            () -> {
              JsonObject data =
                  admin.get("/api/admin/events/" + event + "/analytics").getJsonObject("data");
              return data.getJsonArray("renditions").isEmpty()
                  ? java.util.Optional.empty()
                  : java.util.Optional.of(data);
            });
    assertEquals(
        Map.of("360p", 2, "720p", 1),
        figures.getJsonArray("renditions").getValuesAs(JsonObject.class).stream()
            .collect(Collectors.toMap(s -> s.getString("name"), s -> s.getInt("count"))));
    assertEquals(3, figures.getInt("bufferStarvations"), "one per segment served, at most");
    assertEquals(5000, figures.getInt("throughputKbps"));
  }

  @Test
  void analyticsAreForTheConsoleOnly() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    ViewerApi viewer = new ViewerApi(streamGate);
    String token = ViewerApi.token(viewer.redeem(code));
    String path = "/api/admin/events/" + event + "/analytics";

    assertEquals(401, new AdminApi(streamGate).send("GET", path, null).statusCode());
    assertEquals(
        401,
        streamGate
            .send(viewer.request(path).header("Authorization", "Bearer " + token).GET().build())
            .statusCode(),
        "a playback token is no console login");
    assertEquals(401, new AdminApi(streamGate).send("GET", path + "/export", null).statusCode());
    HttpResponse<String> unknown =
        admin.send("GET", "/api/admin/events/no-such-event/analytics", null);
    assertEquals(404, unknown.statusCode());
  }

  private static long stalls(String code) {
    try {
      return fixtures.qualityOf(code).get(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> heartbeat(ViewerApi viewer, String token, String body) {
    return streamGate.send(
        viewer
            .request("/api/playback/heartbeat")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }
}

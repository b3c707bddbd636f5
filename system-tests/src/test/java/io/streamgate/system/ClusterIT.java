package io.streamgate.system;

import static io.streamgate.system.AdminApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * StreamGate scaled out: one platform and two media servers, each its own Payara Micro process, in
 * one isolated data grid on loopback, plus an edge media server outside that grid that polls the
 * platform. Access changes made through the admin API must reach every media server within a
 * second; members that die, restart or lose the platform keep refusing what they must.
 */
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

  /** What the architecture promises for the grid; the specification's design allows 30 s. */
  private static final Duration PROPAGATION = Duration.ofSeconds(1);

  /** The edge polls every 200 ms here; a poll and its answer fit well within this. */
  private static final Duration EDGE_PROPAGATION = Duration.ofSeconds(3);

  private static final byte[] SEGMENT = "not really video, but served as such".getBytes();

  private static final String INTERNAL_API_KEY = "cluster-tests-internal-api-key";

  /** What events' own origins serve, so an answer's bytes tell where it came from. */
  private static final byte[] OWN_SEGMENT = "from the event's own origin".getBytes();

  /** Origins events may name ({@code EVENT_ORIGINS}): folders under {@code /own/} of this one. */
  private static FakeOrigin ownOrigins;

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static Path streams;
  private static Map<String, String> mediaSettings;
  private static LaunchedStreamGate platform;
  private static LaunchedStreamGate media1;
  private static LaunchedStreamGate media2;
  private static int media2GridPort;
  private static LaunchedStreamGate edge;
  private static Fixtures fixtures;
  private static AdminApi admin;

  @BeforeAll
  static void startCluster() throws Exception {
    streams =
        Path.of(System.getProperty("streamgate.work", "target/system"))
            .resolve("cluster-streams")
            .toAbsolutePath();
    Files.createDirectories(streams);
    ownOrigins = new FakeOrigin();
    String eventOrigins = ownOrigins.url() + "/own/";
    int platformPort = LaunchedStreamGate.freePort();
    List<Integer> gridPorts =
        List.of(
            LaunchedStreamGate.freePort(),
            LaunchedStreamGate.freePort(),
            LaunchedStreamGate.freePort());
    Map<String, String> grid =
        Map.of(
            "STREAMGATE_CLUSTER_NAME",
            "cluster-it-" + UUID.randomUUID(),
            "STREAMGATE_CLUSTER_MEMBERS",
            String.join(",", gridPorts.stream().map(port -> "127.0.0.1:" + port).toList()),
            "INTERNAL_API_KEY",
            INTERNAL_API_KEY);

    Map<String, String> platformSettings = new HashMap<>(grid);
    platformSettings.putAll(
        Map.of(
            "STREAMGATE_ROLE", "platform",
            "STREAMGATE_HTTP_PORT", Integer.toString(platformPort),
            "STREAMGATE_GRID_PORT", gridPorts.get(0).toString(),
            "TRUSTED_PROXIES", "127.0.0.1",
            "SESSION_TIMEOUT_SECONDS", "10"));
    mediaSettings = new HashMap<>(grid);
    mediaSettings.putAll(
        Map.of(
            "STREAMGATE_ROLE",
            "media",
            "STREAM_ROOT",
            streams.toString(),
            "PLATFORM_APP_URL",
            "http://127.0.0.1:" + platformPort,
            "TRUSTED_PROXIES",
            "127.0.0.1",
            "EVENT_ORIGINS",
            eventOrigins));
    Map<String, String> edgeSettings =
        Map.of(
            "STREAMGATE_ROLE",
            "media",
            "STREAM_ROOT",
            streams.toString(),
            "PLATFORM_APP_URL",
            "http://127.0.0.1:" + platformPort,
            "INTERNAL_API_KEY",
            INTERNAL_API_KEY,
            "REVOCATION_SYNC",
            "poll",
            "REVOCATION_POLL_INTERVAL_MS",
            "200",
            "EVENT_ORIGINS",
            eventOrigins);

    var startPlatform = starting("cluster-platform", platformSettings);
    var startMedia1 = starting("cluster-media-1", member(gridPorts.get(1)));
    media2GridPort = gridPorts.get(2);
    var startMedia2 = starting("cluster-media-2", member(media2GridPort));
    var startEdge = starting("cluster-edge", edgeSettings);
    platform = startPlatform.join();
    media1 = startMedia1.join();
    media2 = startMedia2.join();
    edge = startEdge.join();
    fixtures = new Fixtures(platform.jdbcUrl(), "", platform.dataDir());
    admin = new AdminApi(platform).loggedIn();
  }

  private static Map<String, String> member(int gridPort) {
    Map<String, String> settings = new HashMap<>(mediaSettings);
    settings.put("STREAMGATE_GRID_PORT", Integer.toString(gridPort));
    return settings;
  }

  private static CompletableFuture<LaunchedStreamGate> starting(
      String name, Map<String, String> settings) {
    return CompletableFuture.supplyAsync(() -> LaunchedStreamGate.start(name, settings));
  }

  @AfterAll
  static void stopCluster() {
    for (LaunchedStreamGate server : new LaunchedStreamGate[] {edge, media1, media2, platform}) {
      if (server != null) {
        server.close();
      }
    }
    if (ownOrigins != null) {
      ownOrigins.close();
    }
  }

  @Test
  @Order(1)
  void theThreeMembersFormOneGridAndTheEdgeStaysOutside() {
    String ready = platform.get("/health/ready", Map.of()).body();
    assertContains(ready, "\"members\":\"3\"");
    assertContains(edge.get("/health/ready", Map.of()).body(), "\"name\":\"revocation-sync\"");
  }

  @Test
  @Order(2)
  void aCodeRevokedWhilePlayingIsRefusedByBothMembersAndPlaysAgainWhenRestored() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());

    ok(admin.revoke(fixtures.codeId(viewer.code)));
    viewer.refusedBy(media1, media2);

    ok(admin.unrevoke(fixtures.codeId(viewer.code)));
    viewer.playsWithin(PROPAGATION, media1, media2);
  }

  @Test
  @Order(3)
  void aDeactivatedEventIsRefusedForEveryCodeAndPlaysAgainWhenReactivated() throws Exception {
    String event = newEvent();
    Viewer first = Viewer.playing(event);
    Viewer second = Viewer.playing(event);

    ok(admin.deactivate(event));
    first.refusedBy(media1, media2);
    second.refusedBy(media1, media2);

    ok(admin.reactivate(event));
    first.playsWithin(PROPAGATION, media1, media2);
    second.playsWithin(PROPAGATION, media1, media2);
  }

  @Test
  @Order(4)
  void aReleasedSessionsTokenIsRefusedEverywhereWhileTheCodeItselfStillPlays() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());
    viewer.playsOn(edge);

    assertEquals(200, viewer.api.withToken("/api/playback/release", viewer.token).statusCode());
    viewer.refusedBy(media1, media2);
    viewer.refusedWithin(EDGE_PROPAGATION, edge);

    Viewer again = Viewer.playing(viewer.event, viewer.code);
    again.playsOn(media1, media2, edge);
  }

  @Test
  @Order(4)
  void aTokenPlayedByTwoClientsAtOnceOnOneMemberIsRefusedByEveryMember() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());
    Path folder = streams.resolve(viewer.event);
    for (int n = 1; n < 8; n++) {
      Files.write(folder.resolve("seg_" + n + ".ts"), SEGMENT);
    }

    for (int n = 0; n < 8 && viewer.status(media1) == 200; n++) {
      viewer.fetch(media1, "seg_" + n + ".ts", "203.0.113.71");
      viewer.fetch(media1, "seg_" + n + ".ts", "203.0.113.72");
    }
    viewer.refusedBy(media1, media2);
    HttpResponse<String> heartbeat = viewer.api.withToken("/api/playback/heartbeat", viewer.token);
    assertEquals(403, heartbeat.statusCode(), heartbeat.body());
    assertContains(heartbeat.body(), "token-sharing");
  }

  @Test
  @Order(4)
  void aTokenPlayedByTwoClientsEachOnItsOwnMemberIsRefusedByEveryMember() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());
    writeSegments(viewer.event, 30);

    // Each member serves one client only: only the members' shared sightings show two. The two
    // players' cadence (the rule judges fetch times): media 1, 200 ms later media 2, 500 ms later
    // media 1 with the next segment, while media 1 still plays the token.
    Instant started = Instant.now();
    Cadence.run(
        58,
        step -> Duration.ofMillis(step % 2 == 0 ? 200 : 500),
        Duration.ofSeconds(60),
        step -> {
          int n = step / 2 + 1;
          if (step % 2 == 1) {
            viewer.fetch(media2, "seg_" + n + ".ts", "203.0.113.82");
            return true;
          }
          if (viewer.status(media1) != 200) {
            return false;
          }
          viewer.fetch(media1, "seg_" + n + ".ts", "203.0.113.81");
          return true;
        });
    viewer.refusedBy(media1, media2);
    Duration took = Duration.between(started, Instant.now());
    assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "caught after " + took);
    HttpResponse<String> heartbeat = viewer.api.withToken("/api/playback/heartbeat", viewer.token);
    assertEquals(403, heartbeat.statusCode(), heartbeat.body());
    assertContains(heartbeat.body(), "token-sharing");
  }

  @Test
  @Order(4)
  void oneClientWhoseSegmentsAreSpreadOverBothMembersKeepsPlaying() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());
    writeSegments(viewer.event, 30);

    // A player's cadence (a fetch every 200 ms at first, then every 600 ms): the scenario, not a
    // wait for the server.
    Cadence.run(
        29,
        step -> Duration.ofMillis(step < 3 ? 200 : 600),
        Duration.ofSeconds(60),
        step -> {
          int n = step + 1;
          LaunchedStreamGate member = n % 2 == 0 ? media1 : media2;
          assertEquals(
              200, viewer.fetch(member, "seg_" + n + ".ts", "203.0.113.91"), "segment " + n);
          if (n % 6 == 0) {
            HttpResponse<String> heartbeat =
                viewer.api.withToken("/api/playback/heartbeat", viewer.token);
            assertEquals(200, heartbeat.statusCode(), heartbeat.body());
          }
          return true;
        });
    // The last batches reach the other member too: still nobody refuses this one client.
    Eventually.holdsThroughout(
        "one client plays on both members",
        Duration.ofSeconds(3),
        () ->
            viewer.fetch(media1, "seg_29.ts", "203.0.113.91") == 200
                && viewer.fetch(media2, "seg_29.ts", "203.0.113.91") == 200);
    HttpResponse<String> heartbeat = viewer.api.withToken("/api/playback/heartbeat", viewer.token);
    assertEquals(200, heartbeat.statusCode(), heartbeat.body());
  }

  private static void writeSegments(String event, int count) throws Exception {
    Path folder = streams.resolve(event);
    for (int n = 1; n < count; n++) {
      Files.write(folder.resolve("seg_" + n + ".ts"), SEGMENT);
    }
  }

  @Test
  @Order(5)
  void aStaleSessionKeepsPlayingUntilAnotherDeviceTakesItOver() throws Exception {
    Viewer first = Viewer.playing(newEvent());
    // The device went quiet longer than SESSION_TIMEOUT_SECONDS (10 s here) ago.
    fixtures.ageSession(first.code, Duration.ofSeconds(11));
    first.playsOn(media1, media2);

    first.playsOn(edge);

    // Take-over every SESSION_TIMEOUT_SECONDS must not let one code feed many devices through an
    // edge: the edge learns the ended session from the feed it polls.
    Viewer second = Viewer.playing(first.event, first.code);
    first.refusedBy(media1, media2);
    first.refusedWithin(EDGE_PROPAGATION, edge);
    second.playsOn(media1, media2, edge);
  }

  @Test
  @Order(6)
  void theEdgePicksUpARevocationAndARestorationByPolling() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());
    viewer.playsOn(edge);

    ok(admin.revoke(fixtures.codeId(viewer.code)));
    viewer.refusedWithin(EDGE_PROPAGATION, edge);

    ok(admin.unrevoke(fixtures.codeId(viewer.code)));
    viewer.playsWithin(EDGE_PROPAGATION, edge);

    ok(admin.deactivate(viewer.event));
    viewer.refusedWithin(EDGE_PROPAGATION, edge);
    ok(admin.reactivate(viewer.event));
    viewer.playsWithin(EDGE_PROPAGATION, edge);
  }

  /**
   * An admin points a playing event at its own origin: the grid members serve its files from there
   * within a second, the edge with its next poll of the feed. Its local folder still holds the
   * segment, so the bytes served tell where they came from.
   */
  @Test
  @Order(6)
  void anEventsOwnOriginReachesTheGridMembersAtOnceAndTheEdgeByPolling() throws Exception {
    Viewer viewer = Viewer.playing(newEvent());
    viewer.playsOn(edge);
    String folder = "/own/" + viewer.event + "/";
    ownOrigins.serve(folder + "seg_0.ts", OWN_SEGMENT);
    String changed =
        AdminApi.eventJson(
            "Own origin",
            Instant.now().minus(Duration.ofHours(1)),
            Duration.ofHours(3),
            ownOrigins.url() + folder);

    admin.json(200, admin.send("PUT", "/api/admin/events/" + viewer.event, changed));

    for (LaunchedStreamGate member : List.of(media1, media2, edge)) {
      Eventually.await(
          "the event's own origin on port " + member.port(),
          member == edge ? EDGE_PROPAGATION : PROPAGATION,
          () -> Arrays.equals(OWN_SEGMENT, viewer.bytes(member, "seg_0.ts")));
    }
  }

  @Test
  @Order(7)
  void aKilledMemberLeavesTheOtherServingAndComesBackRefusingWhatWasRevokedMeanwhile()
      throws Exception {
    String event = newEvent();
    Viewer kept = Viewer.playing(event);
    Viewer revoked = Viewer.playing(event);

    media2.kill();
    kept.playsOn(media1);

    ok(admin.revoke(fixtures.codeId(revoked.code)));
    revoked.refusedBy(media1);

    media2 = LaunchedStreamGate.start("cluster-media-2", member(media2GridPort));
    assertEquals(403, revoked.status(media2), "the restarted member's very first request");
    kept.playsOn(media2);
  }

  @Test
  @Order(8)
  void withThePlatformGoneTheMediaServersKeepServingWithTheirLastView() throws Exception {
    String event = newEvent();
    Viewer playing = Viewer.playing(event);
    Viewer revoked = Viewer.playing(event);
    ok(admin.revoke(fixtures.codeId(revoked.code)));
    revoked.refusedWithin(EDGE_PROPAGATION, media1, media2, edge);

    platform.close();

    playing.playsOn(media1, media2, edge);
    revoked.refusedBy(media1, media2, edge);
    String health =
        Eventually.await(
            "the edge reports its view ageing",
            Duration.ofSeconds(5),
            () ->
                java.util.Optional.of(edge.get("/health/ready", Map.of()))
                    .filter(response -> response.statusCode() == 200)
                    .map(HttpResponse::body)
                    .filter(body -> !body.contains("\"syncAgeSeconds\":\"0\"")));
    assertContains(health, "\"status\":\"UP\"");
  }

  /** A live event whose stream (one segment) every media server has in its stream folder. */
  private static String newEvent() throws Exception {
    String event = fixtures.liveEvent();
    Files.createDirectories(streams.resolve(event));
    Files.write(streams.resolve(event).resolve("seg_0.ts"), SEGMENT);
    return event;
  }

  private static void assertContains(String text, String part) {
    if (!text.contains(part)) {
      throw new AssertionError("expected " + part + " in " + text);
    }
  }

  /** One viewer device: redeemed a code at the platform and plays with the token it got. */
  private static final class Viewer {

    final ViewerApi api = new ViewerApi(platform);
    final String event;
    final String code;
    final String token;

    private Viewer(String event, String code, String token) {
      this.event = event;
      this.code = code;
      this.token = token;
    }

    static Viewer playing(String event) throws Exception {
      return playing(event, fixtures.code(event));
    }

    static Viewer playing(String event, String code) {
      ViewerApi device = new ViewerApi(platform);
      HttpResponse<String> redeemed = device.redeem(code);
      assertEquals(200, redeemed.statusCode(), redeemed.body());
      Viewer viewer = new Viewer(event, code, ViewerApi.token(redeemed));
      viewer.playsOn(media1, media2);
      return viewer;
    }

    int status(LaunchedStreamGate media) {
      return send(media, "seg_0.ts", null, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The body of a file of the event, as this media server answers it (empty unless 200). */
    byte[] bytes(LaunchedStreamGate media, String file) {
      HttpResponse<byte[]> response =
          send(media, file, null, HttpResponse.BodyHandlers.ofByteArray());
      return response.statusCode() == 200 ? response.body() : new byte[0];
    }

    /** A segment fetched through the trusted proxy for the client {@code from}. */
    int fetch(LaunchedStreamGate media, String file, String from) {
      return send(media, file, from, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private <T> HttpResponse<T> send(
        LaunchedStreamGate media, String file, String from, HttpResponse.BodyHandler<T> body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + media.port() + "/streams/" + event + "/" + file))
              .header("Authorization", "Bearer " + token)
              .timeout(Duration.ofSeconds(10));
      if (from != null) {
        request.header("X-Forwarded-For", from);
      }
      try {
        return HTTP.send(request.build(), body);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    void playsOn(LaunchedStreamGate... members) {
      for (LaunchedStreamGate member : members) {
        assertEquals(200, status(member), "plays on port " + member.port());
      }
    }

    void refusedBy(LaunchedStreamGate... members) {
      refusedWithin(PROPAGATION, members);
    }

    void refusedWithin(Duration limit, LaunchedStreamGate... members) {
      within(limit, 403, members);
    }

    void playsWithin(Duration limit, LaunchedStreamGate... members) {
      within(limit, 200, members);
    }

    private void within(Duration limit, int status, LaunchedStreamGate... members) {
      for (LaunchedStreamGate member : members) {
        Eventually.await(
            status + " from port " + member.port(), limit, () -> status(member) == status);
      }
    }
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second StreamGate on the machine that runs the shared one, started once for three questions: a
 * super admin must set up a second factor before anything else there ({@code
 * REQUIRE_TOTP_FOR_SUPER_ADMINS=true}, as in the compose stack); it keeps a data grid of its own;
 * and stopping it (Ctrl-C, docker stop: SIGTERM) while a viewer's segment is still coming from the
 * origin, it stops taking viewers (readiness DOWN), the segment arrives whole, and only then does
 * the server exit.
 */
@ExtendWith(StreamGateExtension.class)
@TestMethodOrder(OrderAnnotation.class)
class SecondInstanceIT {

  private static FakeOrigin origin;
  private static LaunchedStreamGate server;
  private static boolean stopping;

  @BeforeAll
  static void start() {
    origin = new FakeOrigin();
    Map<String, String> settings = new HashMap<>(StreamGateExtension.SHARED_SETTINGS);
    settings.put("UPSTREAM_ORIGIN", origin.url());
    settings.put("REQUIRE_TOTP_FOR_SUPER_ADMINS", "true");
    server = LaunchedStreamGate.start("second", settings);
  }

  @AfterAll
  static void stop() {
    if (server != null && !stopping) {
      server.close();
    }
    if (origin != null) {
      origin.close();
    }
  }

  @Test
  @Order(0)
  void aSuperAdminWithoutASecondFactorMaySetOneUpAndNothingElse() throws Exception {
    AdminApi admin = new AdminApi(server).loggedIn();
    JsonObject me = admin.get("/api/admin/session").getJsonObject("data");
    assertEquals(true, me.getBoolean("totpSetupRequired"));
    HttpResponse<String> refused = admin.send("GET", "/api/admin/events", null);
    assertEquals(403, refused.statusCode());
    assertEquals(true, JsonBodies.parse(refused.body()).getBoolean("totpSetupRequired"));
    assertEquals(403, admin.send("GET", "/api/admin/users", null).statusCode());
    HttpResponse<String> page = admin.send("GET", "/admin/events.xhtml", null);
    assertEquals(302, page.statusCode());
    assertTrue(
        page.headers().firstValue("Location").orElse("").endsWith("/admin/account.xhtml"),
        page.headers().map().toString());
    assertEquals(200, admin.send("GET", "/admin/account.xhtml", null).statusCode());

    String secret =
        admin
            .json(200, admin.send("POST", "/api/admin/me/totp", null))
            .getJsonObject("data")
            .getString("secret");
    String code = Totp.code(secret, Instant.now());
    admin.json(
        200, admin.send("POST", "/api/admin/me/totp/confirm", "{\"code\":\"" + code + "\"}"));
    assertEquals(200, admin.send("GET", "/api/admin/events", null).statusCode());
    assertEquals(
        false,
        admin.get("/api/admin/session").getJsonObject("data").getBoolean("totpSetupRequired"));

    String password = Files.readString(server.dataDir().resolve("admin-password")).trim();
    HttpResponse<String> withoutCode = new AdminApi(server).login("admin", password);
    assertEquals(401, withoutCode.statusCode());
    assertEquals(true, JsonBodies.parse(withoutCode.body()).getBoolean("totpRequired"));
  }

  @Test
  @Order(1)
  void aSecondInstanceDoesNotJoinTheFirstOnesDataGrid(LaunchedStreamGate first) {
    JsonObject firstGrid = GridIsolationIT.grid(first);
    JsonObject secondGrid = GridIsolationIT.grid(server);
    assertEquals("1", firstGrid.getString("members"), "the first sees only itself");
    assertEquals("1", secondGrid.getString("members"), "the second sees only itself");
    assertNotEquals(firstGrid.getString("cluster"), secondGrid.getString("cluster"));
  }

  @Test
  @Order(2)
  void aSegmentUnderWayArrivesWholeBeforeTheServerStops() throws Exception {
    MediaClient client = new MediaClient(server);
    String event = UUID.randomUUID().toString();
    byte[] segment = new byte[3_000_000];
    new Random(7).nextBytes(segment);
    CountDownLatch release = origin.holdBack("/" + event + "/720p/seg_1.ts", segment);
    CompletableFuture<HttpResponse<byte[]>> viewer =
        client
            .http()
            .sendAsync(
                HttpRequest.newBuilder(server.uri("/streams/" + event + "/720p/seg_1.ts"))
                    .header("Authorization", "Bearer " + client.token(event))
                    .timeout(Duration.ofSeconds(60))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    Eventually.await(
        "the media server asks the origin",
        Duration.ofSeconds(10),
        () -> origin.requests("/" + event + "/720p/seg_1.ts") == 1);

    stopping = true;
    CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::close);
    Eventually.await(
        "readiness turns DOWN while the segment is under way",
        Duration.ofSeconds(10),
        () -> {
          HttpResponse<String> ready = server.get("/health/ready");
          return ready.statusCode() == 503 && ready.body().contains("accepting-viewers");
        });
    assertTrue(viewer.getNow(null) == null, "the segment is still under way");

    release.countDown();
    HttpResponse<byte[]> received = viewer.get(30, TimeUnit.SECONDS);
    assertEquals(200, received.statusCode());
    assertArrayEquals(segment, received.body(), "the whole segment");
    stopped.get(60, TimeUnit.SECONDS);
    assertTrue(
        server
            .serverLog()
            .contains("Stopping: waited for 1 stream response(s) under way; 0 cut off"),
        "the server says what it waited for");
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enrolled devices on the shared instance: a super admin's one-time enrollment code, the device's
 * access and refresh tokens, rotation and replay, revocation, and what a box office may and may not
 * do. Each test enrolls devices of its own.
 */
@ExtendWith(StreamGateExtension.class)
class DeviceAccessIT {

  static final String REFUSED = "Invalid, used or expired credentials.";
  static final String NOT_ALLOWED = "Your role does not allow this action.";

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static String event;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) throws Exception {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    event = fixtures.liveEvent();
  }

  @Test
  void aDeviceEnrollsOnceThenRefreshesWithRotatingTokens() {
    String name = unique("shop");
    String code = enrollmentCode("admin", name, null);
    assertTrue(code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), code);

    DeviceApi device = new DeviceApi();
    JsonObject first = device.json(200, device.enroll(code, null));
    assertEquals("admin", first.getString("role"));
    assertEquals(900, first.getInt("expiresIn"));
    String access = first.getString("accessToken");
    String refresh = first.getString("refreshToken");
    assertEquals(200, device.as(access, "GET", "/api/admin/events", null).statusCode());

    assertEquals(REFUSED, device.error(401, device.enroll(code, null)));
    assertEquals(REFUSED, device.error(401, new DeviceApi().enroll(code, null)));

    JsonObject second = device.json(200, device.refresh(refresh));
    String nextRefresh = second.getString("refreshToken");
    assertNotEquals(refresh, nextRefresh);
    assertNotEquals(access, second.getString("accessToken"));
    assertEquals(
        200,
        device.as(second.getString("accessToken"), "GET", "/api/admin/events", null).statusCode());
    JsonObject third = device.json(200, device.refresh(nextRefresh));
    assertEquals("admin", third.getString("role"));

    JsonObject listed = deviceNamed(name);
    assertEquals("admin", listed.getString("role"));
    assertEquals("active", listed.getString("status"));
    assertEquals(device.clientIp, listed.getString("lastAddress"));
    assertNotNull(listed.getString("lastSeenAt"));
  }

  @Test
  void aDeviceActsUnderItsOwnNameInTheAuditTrail() throws Exception {
    String name = unique("shop");
    DeviceApi device = new DeviceApi();
    String access =
        device
            .json(200, device.enroll(enrollmentCode("admin", name, null), null))
            .getString("accessToken");
    String code = fixtures.code(event);

    assertEquals(
        200,
        device
            .as(access, "PATCH", "/api/admin/tokens/" + fixtures.codeId(code) + "/revoke", null)
            .statusCode());
    assertEquals(1, fixtures.auditEntriesBy("device:" + name, "code-revoked", fingerprint(code)));
  }

  @Test
  void aUsedRefreshTokenPresentedAgainRevokesTheWholeFamily() throws Exception {
    String name = unique("door");
    DeviceApi device = new DeviceApi();
    JsonObject first =
        device.json(200, device.enroll(enrollmentCode("operator", name, null), null));
    String stolen = first.getString("refreshToken");
    JsonObject second = device.json(200, device.refresh(stolen));

    assertEquals(REFUSED, device.error(401, new DeviceApi().refresh(stolen)));

    assertEquals(REFUSED, device.error(401, device.refresh(second.getString("refreshToken"))));
    assertEquals(
        401,
        device.as(second.getString("accessToken"), "GET", "/api/admin/events", null).statusCode());
    assertEquals(
        401,
        device.as(first.getString("accessToken"), "GET", "/api/admin/events", null).statusCode());
    JsonObject listed = deviceNamed(name);
    assertEquals("revoked", listed.getString("status"));
    assertEquals("refresh-token-replayed", listed.getString("revokedReason"));
    assertEquals(
        1,
        fixtures.auditEntriesBy(
            "device:" + name, "device-refresh-replayed", "device:" + listed.getString("id")));
  }

  @Test
  void anExpiredUnknownOrMalformedEnrollmentCodeGetsTheSameRefusal() throws Exception {
    String name = unique("late");
    String code = enrollmentCode("box_office", name, List.of(event));
    fixtures.expireEnrollmentCode(name);
    DeviceApi device = new DeviceApi();

    assertEquals(REFUSED, device.error(401, device.enroll(code, null)));
    assertEquals(REFUSED, device.error(401, device.enroll("2222-2222", null)));
    assertEquals(REFUSED, device.error(401, device.enroll("not a code at all", null)));
    assertEquals(REFUSED, device.error(401, device.refresh("sgr_" + "A".repeat(43))));
    assertEquals(REFUSED, device.error(401, device.refresh("garbage")));
    assertEquals("Missing field: code.", device.error(400, device.post("/api/auth/device", "{}")));
    assertTrue(deviceNamedIfAny(name).isEmpty(), "the expired code enrolled a device");
  }

  @Test
  void twoDevicesRacingWithOneCodeEnrollOnlyOne() throws Exception {
    String name = unique("race");
    String code = enrollmentCode("operator", name, null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        racers.add(() -> new DeviceApi().enroll(code, null).statusCode());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : pool.invokeAll(racers)) {
        statuses.add(answer.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
      assertEquals(7, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, devicesNamed(name).size());
  }

  @Test
  void theEleventhExchangeInAMinuteFromOneAddressIsRefusedWith429() {
    DeviceApi device = new DeviceApi();
    for (int i = 0; i < 10; i++) {
      assertEquals(401, device.enroll("2222-222" + (i % 8 + 2), null).statusCode());
    }
    HttpResponse<String> limited = device.enroll("2222-2222", null);
    assertEquals(429, limited.statusCode());
    assertTrue(limited.headers().firstValue("Retry-After").isPresent());
  }

  @Test
  void aRevokedDeviceIsRefusedAtOnce() {
    String name = unique("gone");
    DeviceApi device = new DeviceApi();
    JsonObject credentials =
        device.json(200, device.enroll(enrollmentCode("admin", name, null), null));
    String access = credentials.getString("accessToken");
    assertEquals(200, device.as(access, "GET", "/api/admin/dashboard", null).statusCode());

    String id = deviceNamed(name).getString("id");
    JsonObject revoked =
        admin().json(200, admin().send("POST", "/api/admin/devices/" + id + "/revoke", null));
    assertEquals("revoked", revoked.getJsonObject("data").getString("status"));

    HttpResponse<String> refused = device.as(access, "GET", "/api/admin/dashboard", null);
    assertEquals(401, refused.statusCode());
    assertEquals("Authentication required.", JsonBodies.parse(refused.body()).getString("error"));
    assertEquals(REFUSED, device.error(401, device.refresh(credentials.getString("refreshToken"))));
  }

  @Test
  void accessTokensAndPlaybackTokensAreNeverTakenForEachOther() throws Exception {
    DeviceApi device = new DeviceApi();
    String access =
        device
            .json(200, device.enroll(enrollmentCode("admin", unique("mix"), null), null))
            .getString("accessToken");
    MediaClient media = new MediaClient(streamGate);
    assertEquals(200, media.get("/streams/demo/master.m3u8", media.token("demo")).statusCode());

    int mediaAnswer = media.get("/streams/demo/master.m3u8", access).statusCode();
    assertTrue(mediaAnswer == 401 || mediaAnswer == 403, "media answered " + mediaAnswer);
    HttpResponse<String> heartbeat = device.as(access, "POST", "/api/playback/heartbeat", null);
    assertEquals(401, heartbeat.statusCode());
    assertEquals(
        "A valid playback token is required.",
        JsonBodies.parse(heartbeat.body()).getString("error"));
    assertEquals(401, device.as(access, "POST", "/api/playback/refresh", null).statusCode());

    String code = fixtures.code(event);
    String playback = ViewerApi.token(new ViewerApi(streamGate).redeem(code));
    HttpResponse<String> admin = device.as(playback, "GET", "/api/admin/events", null);
    assertEquals(401, admin.statusCode());
    assertEquals("Authentication required.", JsonBodies.parse(admin.body()).getString("error"));
    assertEquals(
        401,
        device.as(playback, "POST", "/api/admin/box-office/lookup", codeJson(code)).statusCode());
  }

  @Test
  void onlySuperAdminsEnrollDevicesAndAnEnrolledAdminIsNoSuperAdmin() {
    DeviceApi device = new DeviceApi();
    String access =
        device
            .json(200, device.enroll(enrollmentCode("admin", unique("nosuper"), null), null))
            .getString("accessToken");
    String enrollment = enrollmentJson("admin", unique("more"), null);

    assertEquals(
        NOT_ALLOWED,
        device.error(403, device.as(access, "POST", "/api/admin/enrollments", enrollment)));
    assertEquals(
        NOT_ALLOWED, device.error(403, device.as(access, "GET", "/api/admin/devices", null)));
    assertEquals(
        NOT_ALLOWED, device.error(403, device.as(access, "GET", "/api/admin/users", null)));
    assertEquals(
        401,
        new AdminApi(streamGate).send("POST", "/api/admin/enrollments", enrollment).statusCode());
  }

  @Test
  void badEnrollmentRequestsGetAClearErrorAndChangeNothing() {
    AdminApi admin = admin();
    String name = unique("bad");
    assertEquals(
        "Role must be box_office, operator or admin.",
        error(
            admin.send("POST", "/api/admin/enrollments", enrollmentJson("super_admin", name, null)),
            400));
    assertEquals(
        "A box office needs eventIds: the 1 to 50 events it serves.",
        error(
            admin.send("POST", "/api/admin/enrollments", enrollmentJson("box_office", name, null)),
            400));
    assertEquals(
        "Only a box office is limited to events; leave out eventIds.",
        error(
            admin.send(
                "POST", "/api/admin/enrollments", enrollmentJson("admin", name, List.of(event))),
            400));
    assertEquals(
        "Event not found",
        error(
            admin.send(
                "POST",
                "/api/admin/enrollments",
                enrollmentJson("box_office", name, List.of(UUID.randomUUID().toString()))),
            404));
    assertEquals(
        "expiresInMinutes must be from 1 to 1440.",
        error(
            admin.send(
                "POST",
                "/api/admin/enrollments",
                "{\"role\":\"admin\",\"deviceName\":\"" + name + "\",\"expiresInMinutes\":0}"),
            400));
    assertEquals(
        "Missing field: deviceName.",
        error(admin.send("POST", "/api/admin/enrollments", "{\"role\":\"admin\"}"), 400));
  }

  // --- the box office ------------------------------------------------------------------------

  @Test
  void aBoxOfficeLooksUpIssuesAndReleasesForItsEventsOnly() throws Exception {
    String other = fixtures.liveEvent();
    DeviceApi desk = new DeviceApi();
    String access =
        desk.json(
                200,
                desk.enroll(enrollmentCode("box_office", unique("desk"), List.of(event)), "Desk 1"))
            .getString("accessToken");
    String code = fixtures.code(event);

    JsonObject looked =
        desk.json(200, desk.as(access, "POST", "/api/admin/box-office/lookup", codeJson(code)))
            .getJsonObject("data");
    assertEquals("unused", looked.getString("status"));
    assertEquals(event, looked.getJsonObject("event").getString("id"));
    assertEquals(false, looked.getBoolean("watchingNow"));

    ViewerApi viewer = new ViewerApi(streamGate);
    ViewerApi.token(viewer.redeem(code));
    looked =
        desk.json(
                200,
                desk.as(
                    access, "POST", "/api/admin/box-office/lookup", codeJson(code.toLowerCase())))
            .getJsonObject("data");
    assertEquals(true, looked.getBoolean("watchingNow"));
    assertEquals(409, new ViewerApi(streamGate).redeem(code).statusCode());

    JsonObject released =
        desk.json(200, desk.as(access, "POST", "/api/admin/box-office/release", codeJson(code)))
            .getJsonObject("data");
    assertEquals(true, released.getBoolean("released"));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());
    assertEquals(1, fixtures.auditEntriesBy("device:Desk 1", "session-release", fingerprint(code)));

    JsonObject issued =
        desk.json(
            201,
            desk.as(
                access,
                "POST",
                "/api/admin/box-office/events/" + event + "/codes",
                "{\"count\":3,\"label\":\"walk-in\"}"));
    assertEquals(3, issued.getJsonArray("data").size());
    assertEquals(
        "Count must be between 1 and 50.",
        desk.error(
            400,
            desk.as(
                access,
                "POST",
                "/api/admin/box-office/events/" + event + "/codes",
                "{\"count\":51}")));

    String foreign = fixtures.code(other);
    assertEquals(
        "Access code not found",
        desk.error(
            404, desk.as(access, "POST", "/api/admin/box-office/lookup", codeJson(foreign))));
    assertEquals(
        "Access code not found",
        desk.error(
            404, desk.as(access, "POST", "/api/admin/box-office/release", codeJson(foreign))));
    assertEquals(
        NOT_ALLOWED,
        desk.error(
            403,
            desk.as(
                access,
                "POST",
                "/api/admin/box-office/events/" + other + "/codes",
                "{\"count\":1}")));
    assertEquals(1, fixtures.codesOfEvent(other));
  }

  /**
   * Every admin endpoint the platform documents (its OpenAPI document), one by one, refuses a box
   * office, but its own three.
   */
  @Test
  void aBoxOfficeIsRefusedEveryAdminEndpointOutsideItsList() throws Exception {
    DeviceApi desk = new DeviceApi();
    String access =
        desk.json(
                200,
                desk.enroll(enrollmentCode("box_office", unique("desk"), List.of(event)), null))
            .getString("accessToken");
    String codeId = fixtures.codeId(fixtures.code(event));
    String before =
        fixtures.rows("SELECT id, revoked, label FROM access_code WHERE event_id = ?", event);
    Set<String> own =
        Set.of(
            "POST /api/admin/box-office/lookup",
            "POST /api/admin/box-office/release",
            "POST /api/admin/box-office/events/{id}/codes");
    Set<String> open =
        Set.of("POST /api/admin/login", "POST /api/admin/logout", "GET /api/admin/session");

    JsonObject paths =
        JsonBodies.parse(streamGate.get("/openapi", Map.of("Accept", "application/json")).body())
            .getJsonObject("paths");
    List<String> checked = new ArrayList<>();
    for (String path : paths.keySet()) {
      if (!path.startsWith("/api/admin/")) {
        continue;
      }
      for (String method : paths.getJsonObject(path).keySet()) {
        String endpoint = method.toUpperCase() + " " + path;
        if (own.contains(endpoint) || open.contains(endpoint) || method.equals("parameters")) {
          continue;
        }
        String target =
            path.replace("{id}", path.contains("tokens/{id}") ? codeId : event)
                .replace("{kid}", "k1")
                // Any other parameter (a delivery's id): an id that names nothing.
                .replaceAll("\\{[A-Za-z]+\\}", "00000000-0000-4000-8000-000000000000");
        HttpResponse<String> answer =
            desk.as(
                access,
                method.toUpperCase(),
                target,
                method.equals("get") || method.equals("delete") ? null : "{}");
        assertEquals(403, answer.statusCode(), endpoint + " answered " + answer.body());
        assertEquals(NOT_ALLOWED, JsonBodies.parse(answer.body()).getString("error"), endpoint);
        checked.add(endpoint);
      }
    }
    assertTrue(checked.size() >= 30, "only " + checked);
    assertTrue(checked.contains("GET /api/admin/events"), checked.toString());
    assertTrue(checked.contains("POST /api/admin/enrollments"), checked.toString());
    assertEquals(
        before,
        fixtures.rows("SELECT id, revoked, label FROM access_code WHERE event_id = ?", event));
    // The console's pages count only a console session.
    HttpResponse<String> page = desk.as(access, "GET", "/admin/index.xhtml", null);
    assertTrue(
        page.statusCode() == 302 || page.statusCode() == 303, "page answered " + page.statusCode());
  }

  // --- helpers -------------------------------------------------------------------------------

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static AdminApi admin() {
    return new AdminApi(streamGate).loggedIn();
  }

  static String enrollmentJson(String role, String name, List<String> events) {
    var json = Json.createObjectBuilder().add("role", role).add("deviceName", name);
    if (events != null) {
      JsonArrayBuilder ids = Json.createArrayBuilder();
      events.forEach(ids::add);
      json.add("eventIds", ids);
    }
    return json.build().toString();
  }

  /** A new enrollment code, made by the super admin. */
  static String enrollmentCode(String role, String name, List<String> events) {
    JsonObject answer =
        admin()
            .json(
                201,
                admin().send("POST", "/api/admin/enrollments", enrollmentJson(role, name, events)));
    return answer.getJsonObject("data").getString("code");
  }

  private static List<JsonObject> devicesNamed(String name) {
    List<JsonObject> named = new ArrayList<>();
    for (JsonValue device : admin().get("/api/admin/devices").getJsonArray("data")) {
      if (device.asJsonObject().getString("name").equals(name)) {
        named.add(device.asJsonObject());
      }
    }
    return named;
  }

  private static List<JsonObject> deviceNamedIfAny(String name) {
    return devicesNamed(name);
  }

  /** For other classes that use the helpers here before this class's own set-up ran. */
  static void streamGateForHelpers(LaunchedStreamGate shared) {
    streamGate = shared;
  }

  static JsonObject deviceNamed(String name) {
    List<JsonObject> named = devicesNamed(name);
    assertEquals(1, named.size(), "devices named " + name);
    return named.get(0);
  }

  private static String codeJson(String code) {
    return Json.createObjectBuilder().add("code", code).build().toString();
  }

  private static String fingerprint(String code) {
    return io.streamgate.common.codes.AccessCodeCodec.fingerprint(code);
  }

  private static String error(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    return JsonBodies.parse(response.body()).getString("error");
  }

  /** A device's HTTP client, from an address of its own (the tests act as the trusted proxy). */
  static final class DeviceApi {

    final String clientIp = ViewerApi.nextClientIp();
    private final AdminApi http = new AdminApi(streamGate, clientIp);

    HttpResponse<String> enroll(String code, String deviceName) {
      var json = Json.createObjectBuilder().add("code", code);
      if (deviceName != null) {
        json.add("deviceName", deviceName);
      }
      return post("/api/auth/device", json.build().toString());
    }

    HttpResponse<String> refresh(String token) {
      return post(
          "/api/auth/refresh",
          Json.createObjectBuilder().add("refreshToken", token).build().toString());
    }

    HttpResponse<String> post(String path, String json) {
      return http.send("POST", path, json);
    }

    /** A request with the token as its bearer. */
    HttpResponse<String> as(String token, String method, String path, String json) {
      return http.send(method, path, json, Map.of("Authorization", "Bearer " + token));
    }

    JsonObject json(int status, HttpResponse<String> response) {
      return http.json(status, response);
    }

    String error(int status, HttpResponse<String> response) {
      return DeviceAccessIT.error(response, status);
    }
  }
}

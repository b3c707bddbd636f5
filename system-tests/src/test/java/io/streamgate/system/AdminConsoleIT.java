package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.codes.AccessCodeCodec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API beyond events and codes, on the shared instance: roles on every endpoint, users,
 * the audit log, the dashboard, viewer sessions, cross-site requests and the OpenAPI document.
 */
@ExtendWith(StreamGateExtension.class)
class AdminConsoleIT {

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
  void anOperatorIsRefusedEveryChangeAndMayReadEverythingButUsersAndTheAuditLog() throws Exception {
    AdminApi operator = userWithRole("OPERATOR");
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    String codeId = fixtures.codeId(code);
    String userId = userIdOf("admin");
    String eventJson = eventJson("Operator's event", Instant.now().plusSeconds(3600));
    List<String[]> changes =
        List.of(
            new String[] {"POST", "/api/admin/events", eventJson},
            new String[] {"PUT", "/api/admin/events/" + event, eventJson},
            new String[] {"DELETE", "/api/admin/events/" + event, null},
            new String[] {"PATCH", "/api/admin/events/" + event + "/deactivate", null},
            new String[] {"PATCH", "/api/admin/events/" + event + "/reactivate", null},
            new String[] {"PATCH", "/api/admin/events/" + event + "/activate", null},
            new String[] {"PATCH", "/api/admin/events/" + event + "/archive", null},
            new String[] {"PATCH", "/api/admin/events/" + event + "/unarchive", null},
            new String[] {
              "POST", "/api/admin/events/" + event + "/tokens/generate", "{\"count\":1}"
            },
            new String[] {"POST", "/api/admin/events/" + event + "/tokens", "{\"count\":1}"},
            new String[] {"PATCH", "/api/admin/tokens/" + codeId + "/revoke", null},
            new String[] {"PATCH", "/api/admin/tokens/" + codeId + "/unrevoke", null},
            new String[] {
              "POST", "/api/admin/tokens/bulk-revoke", "{\"tokenIds\":[\"" + codeId + "\"]}"
            },
            new String[] {"DELETE", "/api/admin/sessions/" + UUID.randomUUID(), null},
            new String[] {
              "POST",
              "/api/admin/users",
              "{\"username\":\"x\",\"password\":\"long-enough-password\",\"role\":\"admin\"}"
            },
            new String[] {"PUT", "/api/admin/users/" + userId, "{\"isActive\":false}"});
    for (String[] change : changes) {
      HttpResponse<String> refused =
          operator.send(change[0], change[1], change[2], Map.of("X-Confirm-Delete", "x"));
      assertEquals(403, refused.statusCode(), change[0] + " " + change[1]);
      assertEquals("Your role does not allow this action.", error(refused));
    }
    for (String read :
        List.of(
            "/api/admin/events",
            "/api/admin/events/" + event,
            "/api/admin/tokens",
            "/api/admin/events/" + event + "/tokens",
            "/api/admin/events/" + event + "/tokens/export",
            "/api/admin/events/" + event + "/sessions",
            "/api/admin/dashboard")) {
      assertEquals(200, operator.send("GET", read, null).statusCode(), read);
    }
    assertEquals(403, operator.send("GET", "/api/admin/users", null).statusCode());
    assertEquals(403, operator.send("GET", "/api/admin/audit-log", null).statusCode());

    JsonObject unchanged = admin.get("/api/admin/events/" + event).getJsonObject("data");
    assertEquals(true, unchanged.getBoolean("isActive"));
    assertEquals(false, unchanged.getBoolean("isArchived"));
    assertEquals(1, unchanged.getInt("tokenCount"));
    assertEquals(1, unchanged.getJsonObject("tokenBreakdown").getInt("unused"));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());
  }

  @Test
  void anAdminRunsEventsButNeitherUsersNorTheAuditLog() throws Exception {
    AdminApi plainAdmin = userWithRole("ADMIN");
    assertEquals(
        201,
        plainAdmin
            .send("POST", "/api/admin/events", eventJson("By an admin", Instant.now()))
            .statusCode());
    assertEquals(403, plainAdmin.send("GET", "/api/admin/users", null).statusCode());
    assertEquals(403, plainAdmin.send("GET", "/api/admin/audit-log", null).statusCode());
    assertEquals(
        "admin", plainAdmin.get("/api/admin/session").getJsonObject("data").getString("role"));
  }

  @Test
  void aSuperAdminCreatesUsersWhoseRoleAndActiveFlagApplyAtOnce() throws Exception {
    String username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject created =
        admin
            .json(
                201,
                admin.send(
                    "POST", "/api/admin/users", userJson(username, "first-password-1", "operator")))
            .getJsonObject("data");
    assertEquals("operator", created.getString("role"));
    assertEquals(true, created.getBoolean("isActive"));
    assertEquals(1, fixtures.auditEntries("user-create", "user:" + username));
    String id = created.getString("id");

    assertEquals(
        409,
        admin
            .send("POST", "/api/admin/users", userJson(username, "other-password-1", "admin"))
            .statusCode());
    assertRefused(
        admin.send("POST", "/api/admin/users", userJson("short-pw", "short", "admin")),
        400,
        "Password must have 12 to 1024 characters.");
    assertRefused(
        admin.send("POST", "/api/admin/users", userJson("bad-role", "long-enough-pw", "root")),
        400,
        "Role must be super_admin, admin or operator.");
    assertRefused(
        admin.send("POST", "/api/admin/users", userJson("no spaces", "long-enough-pw", "admin")),
        400,
        "Username must have 1 to 100 letters, digits or the characters . _ @ -.");

    AdminApi clerk = new AdminApi(streamGate);
    AdminApi.ok(clerk.login(username, "first-password-1"));
    String event = eventJson("Clerk's event", Instant.now());
    assertEquals(403, clerk.send("POST", "/api/admin/events", event).statusCode());

    admin.json(200, admin.send("PUT", "/api/admin/users/" + id, "{\"role\":\"admin\"}"));
    assertEquals(201, clerk.send("POST", "/api/admin/events", event).statusCode());

    JsonObject deactivated =
        admin
            .json(200, admin.send("PUT", "/api/admin/users/" + id, "{\"isActive\":false}"))
            .getJsonObject("data");
    assertEquals(false, deactivated.getBoolean("isActive"));
    assertEquals(401, clerk.send("GET", "/api/admin/events", null).statusCode());
    assertEquals(401, new AdminApi(streamGate).login(username, "first-password-1").statusCode());

    // Reactivated: a new login works, the sessions the deactivation ended (a stolen cookie among
    // them) stay ended.
    admin.json(200, admin.send("PUT", "/api/admin/users/" + id, "{\"isActive\":true}"));
    assertEquals(401, clerk.send("GET", "/api/admin/events", null).statusCode());
    AdminApi.ok(new AdminApi(streamGate).login(username, "first-password-1"));

    admin.json(
        200,
        admin.send(
            "PUT",
            "/api/admin/users/" + id,
            "{\"isActive\":true,\"password\":\"second-password-2\"}"));
    assertEquals(401, new AdminApi(streamGate).login(username, "first-password-1").statusCode());
    AdminApi.ok(new AdminApi(streamGate).login(username, "second-password-2"));

    long version = deactivated.getJsonNumber("version").longValue();
    assertRefused(
        admin.send(
            "PUT", "/api/admin/users/" + id, "{\"role\":\"operator\",\"version\":" + version + "}"),
        409,
        "This user was changed by someone else since you opened it. Reload it and make your"
            + " change again.");
    assertRefused(
        admin.send("PUT", "/api/admin/users/" + userIdOf("admin"), "{\"role\":\"operator\"}"),
        409,
        "You cannot change your own role or deactivate yourself.");
    assertEquals(
        404, admin.send("PUT", "/api/admin/users/nobody", "{\"isActive\":true}").statusCode());
    assertTrue(fixtures.auditEntries("user-change", "user:" + username) >= 3);
  }

  @Test
  void theAuditLogShowsWhoDidWhatFromWhereNewestFirst() throws Exception {
    Instant before = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    String id =
        admin
            .json(201, admin.send("POST", "/api/admin/events", eventJson("Audited", Instant.now())))
            .getJsonObject("data")
            .getString("id");
    admin.json(200, admin.send("PATCH", "/api/admin/events/" + id + "/archive", null));

    JsonObject log = admin.get("/api/admin/audit-log?actor=admin&from=" + before + "&limit=200");
    List<JsonObject> entries =
        log.getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .filter(entry -> ("event:" + id).equals(entry.getString("target", null)))
            .toList();
    assertEquals(2, entries.size(), log.toString());
    assertEquals("event-archive", entries.get(0).getString("action"));
    assertEquals("event-create", entries.get(1).getString("action"));
    assertEquals(admin.clientIp(), entries.get(1).getString("ip"));
    assertEquals("admin", entries.get(1).getString("actor"));

    JsonObject creates = admin.get("/api/admin/audit-log?action=event-create&limit=1");
    assertEquals(1, creates.getJsonArray("data").size());
    assertEquals("event-create", creates.getJsonArray("data").getJsonObject(0).getString("action"));
    assertTrue(creates.getJsonObject("pagination").getInt("total") >= 1);

    assertRefused(
        admin.send("GET", "/api/admin/audit-log?from=yesterday", null),
        400,
        "Query parameter from must be an ISO 8601 time, such as 2026-12-01T19:00:00Z.");
    assertEquals(405, admin.send("DELETE", "/api/admin/audit-log", null).statusCode());
  }

  @Test
  void releasingAViewerSessionFreesTheCodeForAnotherDevice() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    ViewerApi first = new ViewerApi(streamGate);
    HttpResponse<String> redeemed = first.redeem(code);
    assertEquals(200, redeemed.statusCode());
    String token = ViewerApi.token(redeemed);
    assertEquals(409, new ViewerApi(streamGate).redeem(code).statusCode(), "in use elsewhere");

    List<JsonObject> sessions =
        admin
            .get("/api/admin/events/" + event + "/sessions")
            .getJsonArray("data")
            .getValuesAs(JsonObject.class);
    assertEquals(1, sessions.size());
    JsonObject session = sessions.get(0);
    assertEquals("••••-••••-" + code.substring(8), session.getString("code"));
    assertEquals("198.18.", session.getString("clientIp").substring(0, 7));
    assertEquals(1, dashboardViewersOf(event));

    assertEquals(
        204,
        admin.send("DELETE", "/api/admin/sessions/" + session.getString("id"), null).statusCode());
    assertEquals(404, first.withToken("/api/playback/heartbeat", token).statusCode());
    assertEquals(
        0, admin.get("/api/admin/events/" + event + "/sessions").getJsonArray("data").size());
    assertEquals(0, dashboardViewersOf(event));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode(), "free again");
    assertEquals(
        1, fixtures.auditEntriesBy("admin", "session-release", AccessCodeCodec.fingerprint(code)));
    assertRefused(
        admin.send("DELETE", "/api/admin/sessions/" + session.getString("id"), null),
        404,
        "Viewer session not found");
  }

  @Test
  void theDashboardCountsCodesAndEvents() throws Exception {
    JsonObject before = admin.get("/api/admin/dashboard").getJsonObject("data");
    String id =
        admin
            .json(
                201,
                admin.send(
                    "POST",
                    "/api/admin/events",
                    eventJson("Dashboard " + UUID.randomUUID(), Instant.now().plusSeconds(60))))
            .getJsonObject("data")
            .getString("id");
    admin.json(
        201, admin.send("POST", "/api/admin/events/" + id + "/tokens/generate", "{\"count\": 7}"));
    JsonObject after = admin.get("/api/admin/dashboard").getJsonObject("data");

    assertEquals(before.getInt("activeEvents") + 1, after.getInt("activeEvents"));
    assertEquals(before.getInt("totalTokens") + 7, after.getInt("totalTokens"));
    JsonObject breakdown = after.getJsonObject("tokenBreakdown");
    assertEquals(
        after.getInt("totalTokens"),
        breakdown.getInt("unused")
            + breakdown.getInt("redeemed")
            + breakdown.getInt("expired")
            + breakdown.getInt("revoked"));
    assertTrue(after.getJsonArray("upcomingEvents").size() <= 5);
  }

  @Test
  void changesFromAnotherSitesPageAreRefused() throws Exception {
    String body = eventJson("Cross-site", Instant.now());
    HttpResponse<String> forged =
        admin.send("POST", "/api/admin/events", body, Map.of("Origin", "https://evil.example"));
    assertRefused(forged, 403, "Requests from other sites are refused.");
    assertEquals(
        201,
        admin
            .send(
                "POST",
                "/api/admin/events",
                body,
                Map.of("Origin", "http://127.0.0.1:" + streamGate.port()))
            .statusCode());
    HttpResponse<String> forgedLogin =
        new AdminApi(streamGate)
            .send(
                "POST",
                "/api/admin/login",
                userJson("admin", "whatever-password", null),
                Map.of("Origin", "https://evil.example"));
    assertEquals(403, forgedLogin.statusCode());
  }

  @Test
  void consolePagesRefuseFormPostsFromAnotherSiteAndSendStrangersToTheLogin() {
    HttpResponse<String> forged =
        admin.send(
            "POST",
            "/admin/events.xhtml",
            null,
            Map.of(
                "Origin",
                "https://evil.example",
                "Content-Type",
                "application/x-www-form-urlencoded"));
    assertEquals(403, forged.statusCode());
    HttpResponse<String> stranger =
        new AdminApi(streamGate).send("GET", "/admin/codes.xhtml", null);
    assertEquals(302, stranger.statusCode());
    assertTrue(
        stranger.headers().firstValue("Location").orElse("").endsWith("/admin/login.xhtml"),
        stranger.headers().toString());
    assertEquals(200, admin.send("GET", "/admin/codes.xhtml", null).statusCode());
  }

  @Test
  void theOpenApiDocumentDescribesTheAdminApi() {
    HttpResponse<String> document =
        streamGate.get("/openapi", Map.of("Accept", "application/json"));
    assertEquals(200, document.statusCode());
    JsonObject paths = JsonBodies.parse(document.body()).getJsonObject("paths");
    for (String path :
        List.of(
            "/api/admin/events",
            "/api/admin/events/{id}",
            "/api/admin/events/{id}/tokens/export",
            "/api/admin/tokens",
            "/api/admin/tokens/bulk-revoke",
            "/api/admin/dashboard",
            "/api/admin/users",
            "/api/admin/audit-log",
            "/api/admin/sessions/{id}")) {
      assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
    }
  }

  private static AdminApi userWithRole(String role) throws Exception {
    String username = role.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(username, "role-test-password", role);
    AdminApi user = new AdminApi(streamGate);
    AdminApi.ok(user.login(username, "role-test-password"));
    return user;
  }

  private static String userIdOf(String username) {
    return admin.get("/api/admin/users").getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .filter(user -> user.getString("username").equals(username))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }

  private static int dashboardViewersOf(String event) {
    return admin
        .get("/api/admin/dashboard")
        .getJsonObject("data")
        .getJsonArray("liveViewersByEvent")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(watched -> watched.getString("eventId").equals(event))
        .mapToInt(watched -> watched.getInt("viewers"))
        .sum();
  }

  private static String eventJson(String title, Instant starts) {
    return AdminApi.eventJson(title, starts, Duration.ofHours(1), null);
  }

  private static String userJson(String username, String password, String role) {
    var user = Json.createObjectBuilder().add("username", username).add("password", password);
    if (role != null) {
      user.add("role", role);
    }
    return user.build().toString();
  }

  private static void assertRefused(HttpResponse<String> response, int status, String message) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(message, error(response));
  }

  private static String error(HttpResponse<String> response) {
    return JsonBodies.parse(response.body()).getString("error");
  }
}

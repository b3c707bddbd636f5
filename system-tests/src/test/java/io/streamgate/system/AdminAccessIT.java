package io.streamgate.system;

import static io.streamgate.system.AdminApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.streamgate.common.codes.AccessCodeCodec;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API's login and access changes on the shared instance: who may call them, what a viewer
 * notices afterwards, what the audit trail keeps, and what bad calls get.
 */
@ExtendWith(StreamGateExtension.class)
class AdminAccessIT {

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
  void withoutALoginTheAdminApiAnswers401AndChangesNothing() throws Exception {
    String code = fixtures.code(event);
    HttpResponse<String> response = new AdminApi(streamGate).revoke(fixtures.codeId(code));

    assertEquals(401, response.statusCode());
    assertEquals("Authentication required.", error(response));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    AdminApi admin = new AdminApi(streamGate);
    HttpResponse<String> wrongPassword = admin.login("admin", "not-the-password");
    HttpResponse<String> unknownUser = admin.login("nobody", "not-the-password");

    assertEquals(401, wrongPassword.statusCode());
    assertEquals(401, unknownUser.statusCode());
    assertEquals("Invalid credentials", error(wrongPassword));
    assertEquals(error(wrongPassword), error(unknownUser));
    assertEquals(401, admin.send("GET", "/api/admin/session", null).statusCode());
  }

  /**
   * A session id fixed beforehand, even one sent in the login's path ({@code ;jsessionid=}, which
   * Payara honours), never carries the login: the attacker who knows it stays logged out.
   */
  @Test
  void aLoginNeverLandsInASessionWhoseIdWasKnownBefore() throws Exception {
    String username = "fixated-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(username, "fixated-password", "OPERATOR");
    AdminApi attacker = new AdminApi(streamGate);
    String known =
        attacker.send("GET", "/admin/login.xhtml", null).headers().allValues("Set-Cookie").stream()
            .filter(cookie -> cookie.startsWith("JSESSIONID="))
            .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";")[0])
            .findFirst()
            .orElseThrow(() -> new AssertionError("the login page opened no session"));

    AdminApi victim = new AdminApi(streamGate);
    HttpResponse<String> login =
        victim.send(
            "POST",
            "/api/admin/login;jsessionid=" + known,
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", "fixated-password")
                .build()
                .toString());
    ok(login);
    assertEquals(200, victim.send("GET", "/api/admin/session", null).statusCode());
    assertEquals(
        401,
        attacker.send("GET", "/api/admin/session", null).statusCode(),
        "the id known before the login is not logged in");
  }

  @Test
  void theEleventhLoginAttemptInAMinuteIsRefusedWith429() {
    AdminApi admin = new AdminApi(streamGate);
    for (int i = 0; i < 10; i++) {
      assertEquals(401, admin.login("admin", "guess-" + i).statusCode());
    }
    HttpResponse<String> limited = admin.login("admin", "guess-10");
    assertEquals(429, limited.statusCode());
    assertNotNull(limited.headers().firstValue("Retry-After").orElse(null));
  }

  @Test
  void aRevokedCodeIsRefusedToViewersUntilItIsRestored() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String code = fixtures.code(event);
    String id = fixtures.codeId(code);

    JsonObject revoked = data(ok(admin.revoke(id)));
    assertEquals("revoked", revoked.getString("status"));
    assertEquals(true, revoked.getBoolean("isRevoked"));
    HttpResponse<String> refused = new ViewerApi(streamGate).redeem(code);
    assertEquals(403, refused.statusCode());
    assertEquals(
        "This code has been revoked. Please contact the event organizer.",
        ViewerApi.error(refused));
    assertEquals(1, fixtures.auditEntries("code-revoked", AccessCodeCodec.fingerprint(code)));

    JsonObject restored = data(ok(admin.unrevoke(id)));
    assertEquals("unused", restored.getString("status"));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());
    assertEquals(1, fixtures.auditEntries("code-restored", AccessCodeCodec.fingerprint(code)));
  }

  @Test
  void aDeactivatedEventRefusesEveryCodeUntilReactivated() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String closed = fixtures.liveEvent();
    String code = fixtures.code(closed);

    assertEquals(false, data(ok(admin.deactivate(closed))).getBoolean("isActive"));
    HttpResponse<String> refused = new ViewerApi(streamGate).redeem(code);
    assertEquals(403, refused.statusCode());
    assertEquals("This event is no longer available.", ViewerApi.error(refused));

    assertEquals(true, data(ok(admin.reactivate(closed))).getBoolean("isActive"));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());
  }

  @Test
  void anExpiredCodeCannotBeRestored() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String code = fixtures.code(event, Instant.now().minus(Duration.ofHours(1)), true);

    HttpResponse<String> response = admin.unrevoke(fixtures.codeId(code));

    assertEquals(400, response.statusCode());
    assertEquals(
        "This code has expired; only codes that have not can be restored.", error(response));
    assertEquals(0, fixtures.auditEntries("code-restored", AccessCodeCodec.fingerprint(code)));
  }

  @Test
  void unknownCodesAndEventsGet404() {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String nothing = UUID.randomUUID().toString();

    assertEquals(404, admin.revoke(nothing).statusCode());
    assertEquals("Access code not found", error(admin.unrevoke(nothing)));
    assertEquals("Event not found", error(admin.deactivate(nothing)));
  }

  @Test
  void anOperatorMayLookButNotChange() throws Exception {
    String username = "operator-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(username, "operator-password", "OPERATOR");
    AdminApi operator = new AdminApi(streamGate);
    JsonObject login = data(ok(operator.login(username, "operator-password")));
    assertEquals(true, login.getBoolean("success"), "the specification's login answer");
    assertEquals(username, login.getString("username"));
    String code = fixtures.code(event);

    assertEquals(
        "operator", data(ok(operator.send("GET", "/api/admin/session", null))).getString("role"));
    HttpResponse<String> refused = operator.revoke(fixtures.codeId(code));
    assertEquals(403, refused.statusCode());
    assertEquals("Your role does not allow this action.", error(refused));
    assertEquals(403, operator.deactivate(event).statusCode());
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());

    JsonObject logout = data(ok(operator.send("POST", "/api/admin/logout", null)));
    assertEquals(true, logout.getBoolean("success"), "the specification's logout answer");
    assertEquals(true, logout.getBoolean("loggedOut"));
    assertEquals(401, operator.send("GET", "/api/admin/session", null).statusCode());
  }

  private static JsonObject data(String body) {
    return JsonBodies.parse(body).getJsonObject("data");
  }

  private static String error(HttpResponse<String> response) {
    return JsonBodies.parse(response.body()).getString("error");
  }
}

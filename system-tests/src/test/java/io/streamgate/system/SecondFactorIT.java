package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * People at the console on the shared instance: TOTP set-up and login with and without the code,
 * clock skew, replayed codes, recovery codes used once, a reset by another super admin, and
 * invitations with which a person sets their own password.
 */
@ExtendWith(StreamGateExtension.class)
class SecondFactorIT {

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
  }

  /** A user with two-factor sign-in on: their name, password, secret and recovery codes. */
  record Enrolled(String username, String password, String secret, List<String> recoveryCodes) {}

  @Test
  void aCodeFromTheAppIsNeededOnceTwoFactorSignInIsOn() throws Exception {
    Enrolled user = enrolled("ADMIN");
    AdminApi browser = new AdminApi(streamGate);

    HttpResponse<String> without = browser.login(user.username(), user.password());
    assertEquals(401, without.statusCode());
    JsonObject refusal = JsonBodies.parse(without.body());
    assertEquals(true, refusal.getBoolean("totpRequired"));
    assertTrue(refusal.getString("error").contains("authenticator app"), without.body());
    assertEquals(401, browser.send("GET", "/api/admin/session", null).statusCode());

    HttpResponse<String> wrong = login(browser, user, "totp", "000000");
    assertEquals(401, wrong.statusCode());
    assertEquals(true, JsonBodies.parse(wrong.body()).getBoolean("totpRequired"));

    // The phone runs a few seconds ahead: its code of the next step is taken.
    String ahead = Totp.code(user.secret(), Instant.now().plusSeconds(30));
    AdminApi.ok(login(browser, user, "totp", ahead));
    assertEquals(200, browser.send("GET", "/api/admin/events", null).statusCode());
    // The same code again, seen over a shoulder, is refused.
    assertEquals(401, login(new AdminApi(streamGate), user, "totp", ahead).statusCode());
    assertEquals(401, login(new AdminApi(streamGate), user, "totp", "12345").statusCode());
  }

  @Test
  void oneCodeSentTwiceAtOnceLogsInOnce() throws Exception {
    Enrolled user = enrolled("OPERATOR");
    String code = Totp.code(user.secret(), Instant.now().plusSeconds(30));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Callable<Integer>> logins = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        logins.add(() -> login(new AdminApi(streamGate), user, "totp", code).statusCode());
      }
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var answer : pool.invokeAll(logins)) {
        statuses.add(answer.get());
      }
      assertEquals(
          1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRecoveryCodeLetsInOnceAndAWrongPasswordNeverAsksForACode() throws Exception {
    Enrolled user = enrolled("OPERATOR");
    String recovery = user.recoveryCodes().get(3);

    AdminApi.ok(login(new AdminApi(streamGate), user, "recoveryCode", recovery.toLowerCase()));
    assertEquals(401, login(new AdminApi(streamGate), user, "recoveryCode", recovery).statusCode());
    AdminApi.ok(login(new AdminApi(streamGate), user, "recoveryCode", user.recoveryCodes().get(4)));
    assertEquals(
        2,
        fixtures.auditEntriesBy(user.username(), "recovery-code-used", "user:" + user.username()));

    HttpResponse<String> wrongPassword =
        new AdminApi(streamGate).login(user.username(), "wrong-password");
    assertEquals(401, wrongPassword.statusCode());
    assertEquals("Invalid credentials", JsonBodies.parse(wrongPassword.body()).getString("error"));
    assertTrue(!JsonBodies.parse(wrongPassword.body()).containsKey("totpRequired"));
  }

  @Test
  void wrongCodesCountTowardTheLoginLimit() throws Exception {
    Enrolled user = enrolled("OPERATOR");
    AdminApi browser = new AdminApi(streamGate);
    for (int i = 0; i < 10; i++) {
      assertEquals(401, login(browser, user, "totp", String.format("%06d", i)).statusCode());
    }
    HttpResponse<String> limited =
        login(browser, user, "totp", Totp.code(user.secret(), Instant.now()));
    assertEquals(429, limited.statusCode());
  }

  @Test
  void anotherSuperAdminResetsALostSecondFactor() throws Exception {
    Enrolled user = enrolled("ADMIN");
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String id = userId(admin, user.username());

    JsonObject reset =
        admin.json(200, admin.send("POST", "/api/admin/users/" + id + "/totp-reset", null));
    assertEquals(false, reset.getJsonObject("data").getBoolean("totpEnabled"));
    AdminApi.ok(new AdminApi(streamGate).login(user.username(), user.password()));
    assertEquals(1, fixtures.auditEntriesBy("admin", "totp-reset", "user:" + user.username()));

    String own = userId(admin, "admin");
    HttpResponse<String> self = admin.send("POST", "/api/admin/users/" + own + "/totp-reset", null);
    assertEquals(409, self.statusCode());

    AdminApi operator = new AdminApi(streamGate);
    Enrolled other = enrolled("OPERATOR");
    AdminApi.ok(
        login(operator, other, "totp", Totp.code(other.secret(), Instant.now().plusSeconds(30))));
    assertEquals(
        403, operator.send("POST", "/api/admin/users/" + id + "/totp-reset", null).statusCode());
  }

  @Test
  void aWrongFirstCodeDoesNotTurnTwoFactorSignInOn() throws Exception {
    String username = "half-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(username, "half-way-password", "OPERATOR");
    AdminApi me = new AdminApi(streamGate);
    AdminApi.ok(me.login(username, "half-way-password"));
    me.json(200, me.send("POST", "/api/admin/me/totp", null));

    HttpResponse<String> wrong =
        me.send("POST", "/api/admin/me/totp/confirm", "{\"code\":\"000000\"}");
    assertEquals(400, wrong.statusCode());
    AdminApi.ok(new AdminApi(streamGate).login(username, "half-way-password"));
  }

  // --- invitations ---------------------------------------------------------------------------

  @Test
  void anInvitedPersonSetsTheirOwnPasswordOnce() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String username = "guest-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject invitation = invitation(admin, username, "admin");
    String code = invitation.getString("code");
    assertTrue(
        invitation.getString("url").endsWith("/admin/invitation.xhtml?code=" + code),
        invitation.toString());

    AdminApi guest = new AdminApi(streamGate);
    HttpResponse<String> tooShort = accept(guest, code, "short");
    assertEquals(400, tooShort.statusCode());
    JsonObject accepted =
        guest.json(200, accept(guest, code, "a-password-of-my-own")).getJsonObject("data");
    assertEquals(username, accepted.getString("username"));
    assertEquals("admin", accepted.getString("role"));
    AdminApi.ok(new AdminApi(streamGate).login(username, "a-password-of-my-own"));

    HttpResponse<String> again = accept(new AdminApi(streamGate), code, "another-password-1");
    assertEquals(401, again.statusCode());
    assertEquals(
        "This invitation is invalid, used or expired. Ask for a new one.",
        JsonBodies.parse(again.body()).getString("error"));
    AdminApi.ok(new AdminApi(streamGate).login(username, "a-password-of-my-own"));

    // A reset link for the same person: they choose a new password; the old one is over.
    String reset = invitation(admin, username, null).getString("code");
    AdminApi.ok(accept(new AdminApi(streamGate), reset, "a-newer-password-2"));
    assertEquals(
        401, new AdminApi(streamGate).login(username, "a-password-of-my-own").statusCode());
    AdminApi.ok(new AdminApi(streamGate).login(username, "a-newer-password-2"));
  }

  @Test
  void anInvitationNeverSetsThePasswordOfAnAccountMadeSince() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String username = "taken-" + UUID.randomUUID().toString().substring(0, 8);
    String code = invitation(admin, username, "operator").getString("code");
    fixtures.adminUser(username, "the-owners-password", "SUPER_ADMIN");

    assertEquals(409, accept(new AdminApi(streamGate), code, "the-inviteds-password").statusCode());
    AdminApi.ok(new AdminApi(streamGate).login(username, "the-owners-password"));
  }

  @Test
  void aNewerInvitationVoidsTheOlderAndAResetLinkDiesWithAPromotion() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String username = "twice-" + UUID.randomUUID().toString().substring(0, 8);
    String older = invitation(admin, username, "operator").getString("code");
    String newer = invitation(admin, username, "operator").getString("code");
    assertEquals(401, accept(new AdminApi(streamGate), older, "the-older-password").statusCode());
    AdminApi.ok(accept(new AdminApi(streamGate), newer, "the-newer-password"));

    String reset = invitation(admin, username, null).getString("code");
    admin.json(
        200,
        admin.send(
            "PUT", "/api/admin/users/" + userId(admin, username), "{\"role\":\"super_admin\"}"));
    assertEquals(409, accept(new AdminApi(streamGate), reset, "a-takeover-password").statusCode());
    AdminApi.ok(new AdminApi(streamGate).login(username, "the-newer-password"));
  }

  @Test
  void invitationsAreForSuperAdminsAndBadOnesChangeNothing() throws Exception {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String username = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    assertEquals(
        400,
        admin
            .send("POST", "/api/admin/invitations", "{\"username\":\"" + username + "\"}")
            .statusCode());
    assertEquals(
        400,
        admin
            .send("POST", "/api/admin/invitations", "{\"username\":\"a b\",\"role\":\"admin\"}")
            .statusCode());
    assertEquals(
        409,
        admin
            .send(
                "POST", "/api/admin/invitations", "{\"username\":\"admin\",\"role\":\"operator\"}")
            .statusCode());
    assertEquals(
        401,
        accept(new AdminApi(streamGate), "made-up-code", "a-long-enough-password").statusCode());
    assertEquals(0, fixtures.auditEntriesBy("admin", "user-invite", "user:" + username));

    String operatorName = "op-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(operatorName, "operator-password", "OPERATOR");
    AdminApi operator = new AdminApi(streamGate);
    AdminApi.ok(operator.login(operatorName, "operator-password"));
    assertEquals(
        403,
        operator
            .send(
                "POST",
                "/api/admin/invitations",
                "{\"username\":\"x" + username + "\",\"role\":\"super_admin\"}")
            .statusCode());
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A new user of that role who turned on two-factor sign-in over the API. */
  private static Enrolled enrolled(String role) throws Exception {
    String username = "totp-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "totp-password-" + UUID.randomUUID().toString().substring(0, 4);
    fixtures.adminUser(username, password, role);
    AdminApi me = new AdminApi(streamGate);
    AdminApi.ok(me.login(username, password));
    JsonObject started =
        me.json(200, me.send("POST", "/api/admin/me/totp", null)).getJsonObject("data");
    String secret = started.getString("secret");
    assertTrue(started.getString("otpauthUri").startsWith("otpauth://totp/"), started.toString());
    assertTrue(started.getString("otpauthUri").contains("secret=" + secret), started.toString());
    // The phone runs behind: its code of the step before is taken.
    String behind = Totp.code(secret, Instant.now().minusSeconds(30));
    JsonObject confirmed =
        me.json(200, me.send("POST", "/api/admin/me/totp/confirm", "{\"code\":\"" + behind + "\"}"))
            .getJsonObject("data");
    List<String> codes =
        confirmed.getJsonArray("recoveryCodes").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList();
    assertEquals(10, codes.size());
    assertEquals(10, codes.stream().distinct().count());
    assertEquals(
        409, me.send("POST", "/api/admin/me/totp/confirm", "{\"code\":\"000000\"}").statusCode());
    return new Enrolled(username, password, secret, codes);
  }

  private static HttpResponse<String> login(
      AdminApi client, Enrolled user, String field, String code) {
    return client.send(
        "POST",
        "/api/admin/login",
        Json.createObjectBuilder()
            .add("username", user.username())
            .add("password", user.password())
            .add(field, code)
            .build()
            .toString());
  }

  /** A new invitation (role null: a password reset link), as answered. */
  private static JsonObject invitation(AdminApi admin, String username, String role) {
    var json = Json.createObjectBuilder().add("username", username);
    if (role != null) {
      json.add("role", role);
    }
    return admin
        .json(201, admin.send("POST", "/api/admin/invitations", json.build().toString()))
        .getJsonObject("data");
  }

  private static HttpResponse<String> accept(AdminApi client, String code, String password) {
    return client.send(
        "POST",
        "/api/auth/invitation",
        Json.createObjectBuilder().add("code", code).add("password", password).build().toString());
  }

  private static String userId(AdminApi admin, String username) {
    return admin.get("/api/admin/users").getJsonArray("data").stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(user -> user.getString("username").equals(username))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import io.streamgate.common.Spec;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenVerifier;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/tokens/validate} and the keep/refresh/release cycle, per the specification: the
 * contract both databases must keep. Subclasses say which StreamGate (and database) it runs on.
 */
abstract class ViewerAccessContract {

  private LaunchedStreamGate streamGate;
  private Fixtures fixtures;
  private ViewerApi viewer;

  /** The instance under test. */
  abstract LaunchedStreamGate streamGate();

  /** Direct access to its database, for setting up each test's own data. */
  abstract Fixtures fixtures();

  @BeforeEach
  void setUp() {
    this.streamGate = streamGate();
    this.fixtures = fixtures();
    this.viewer = new ViewerApi(streamGate);
  }

  private PlaybackClaims verified(String token) throws Exception {
    JWKSet keys = JWKSet.parse(streamGate.get("/api/keys").body());
    return new PlaybackTokenVerifier(() -> keys, Clock.systemUTC(), Spec.CLOCK_SKEW_LEEWAY)
        .verify(token);
  }

  @Test
  void aGoodCodeGetsAPlaybackTokenForItsEvent() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);

    HttpResponse<String> response = viewer.redeem(AccessCodeCodec.display(code).toLowerCase());

    assertEquals(200, response.statusCode(), response.body());
    JsonObject body = JsonBodies.parse(response.body());
    assertTrue(body.getJsonObject("event").getString("title").startsWith("Test event"));
    assertTrue(body.getJsonObject("event").getBoolean("isLive"));
    assertEquals("/streams/" + event + "/master.m3u8", body.getString("streamPath"));
    assertEquals("http://127.0.0.1:" + streamGate.port(), body.getString("playbackBaseUrl"));
    assertEquals(3600, body.getInt("tokenExpiresIn"));
    assertNotNull(Instant.parse(body.getString("expiresAt")));

    String token = body.getString("playbackToken");
    PlaybackClaims claims = verified(token);
    assertEquals(fixtures.codeId(code), claims.sub(), "the token names the code by its id");
    assertNoCodeIn(code, payload(token), "the token's readable payload");
    assertEquals(event, claims.eid());
    assertEquals("/streams/" + event + "/", claims.sp());
    assertEquals(Duration.ofHours(1), Duration.between(claims.iat(), claims.exp()));

    assertNotNull(fixtures.redeemedAt(code), "first use is recorded");
    assertEquals(1, fixtures.auditEntries("session-start", hashed(code)), "one entry per redeem");
    assertEquals(0, fixtures.auditEntriesMentioning(code), "the raw code is never stored in audit");
  }

  /**
   * Tokens travel in URLs ({@code __token}) and so land in logs: whoever holds one must not be able
   * to learn its code from it, nor from anything that accepts it, and so cannot redeem the code on
   * a device of their own.
   */
  @Test
  void aLeakedTokenAloneNeverYieldsItsCode() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    String token = ViewerApi.token(viewer.redeem(code));
    PlaybackClaims claims = verified(token);
    ViewerApi thief = new ViewerApi(streamGate);

    assertNoCodeIn(code, payload(token), "the payload");
    List<HttpResponse<String>> answers = new ArrayList<>();
    answers.add(thief.withToken("/api/playback/heartbeat", token));
    answers.add(thief.withToken("/api/playback/refresh", token));
    answers.add(
        streamGate.get(
            "/api/events/" + event + "/status", Map.of("Authorization", "Bearer " + token)));
    answers.add(streamGate.get("/streams/" + event + "/master.m3u8?__token=" + token));
    answers.add(thief.withToken("/api/playback/release", token));
    for (HttpResponse<String> answer : answers) {
      assertTrue(answer.statusCode() < 500, answer.uri() + " " + answer.statusCode());
      assertNoCodeIn(code, answer.body() + answer.headers().map(), answer.uri().toString());
    }
    assertEquals(200, answers.get(2).statusCode(), "the status still works with a bearer");
    assertEquals(0, fixtures.sessionsOf(code), "the thief could end the session");

    for (String carried : List.of(claims.sub(), claims.sid(), claims.eid(), token)) {
      assertEquals(
          401, thief.redeem(carried).statusCode(), "nothing the token carries redeems the code");
    }
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode(), "the owner's code");
  }

  /**
   * Rolling upgrade: a token minted by the previous version (the raw code in {@code sub}) no longer
   * plays, because media servers match revocations by code id; the platform renews it through its
   * session, and the new token names the code by id.
   */
  @Test
  void aTokenMintedBeforeOpaqueSubjectsIsRenewedNotPlayed() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    PlaybackClaims current = verified(ViewerApi.token(viewer.redeem(code)));
    com.nimbusds.jwt.SignedJWT legacy =
        new com.nimbusds.jwt.SignedJWT(
            new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256)
                .type(io.streamgate.common.playback.PlaybackTokens.TYPE)
                .keyID(fixtures.signingKey().getKeyID())
                .build(),
            new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject(code)
                .claim("eid", event)
                .claim("sid", current.sid())
                .claim("sp", current.sp())
                .issueTime(java.util.Date.from(current.iat()))
                .expirationTime(java.util.Date.from(current.exp()))
                .build());
    legacy.sign(new com.nimbusds.jose.crypto.RSASSASigner(fixtures.signingKey()));
    String old = legacy.serialize();

    assertEquals(
        403,
        streamGate.get("/streams/" + event + "/master.m3u8?__token=" + old).statusCode(),
        "the media server refuses it");
    assertEquals(200, viewer.withToken("/api/playback/heartbeat", old).statusCode());
    HttpResponse<String> renewed = viewer.withToken("/api/playback/refresh", old);
    assertEquals(200, renewed.statusCode(), renewed.body());
    PlaybackClaims now = verified(JsonBodies.parse(renewed.body()).getString("playbackToken"));
    assertEquals(fixtures.codeId(code), now.sub());
    assertEquals(current.sid(), now.sid(), "the same session plays on");
  }

  @Test
  void anUnknownOrMalformedCodeIsInvalid() throws Exception {
    for (String typed : List.of("ZZZZ-ZZZZ-ZZZZ", "short", "0000-OOOO-1111")) {
      HttpResponse<String> response = viewer.redeem(typed);
      assertEquals(401, response.statusCode());
      assertEquals(
          "Invalid code. Please check your ticket and try again.", ViewerApi.error(response));
      assertEquals("code-invalid", ViewerApi.code(response));
    }
  }

  @Test
  void anExpiredCodeSaysUntilWhen() throws Exception {
    Instant start = Instant.parse("2026-01-10T18:00:00Z");
    String event = fixtures.event(start, start.plus(Duration.ofHours(2)), 1, true);
    String code = fixtures.code(event, Instant.parse("2026-01-10T21:00:00Z"), false);

    HttpResponse<String> response = viewer.redeem(code);

    assertEquals(410, response.statusCode());
    assertEquals(
        "This code has expired. Access was available until January 10, 2026 at 21:00 UTC.",
        ViewerApi.error(response));
    assertEquals("code-expired", ViewerApi.code(response));
    assertEquals(
        "2026-01-10T21:00:00Z",
        JsonBodies.parse(response.body()).getString("accessEndedAt"),
        "for clients that say it in their language");
    assertNull(fixtures.redeemedAt(code));
    assertEquals(1, fixtures.auditEntries("redeem-expired", hashed(code)));
  }

  @Test
  void aRevokedCodeAndADeactivatedEventAreRefused() throws Exception {
    String revoked = fixtures.code(fixtures.liveEvent(), Instant.now().plusSeconds(3600), true);
    HttpResponse<String> response = viewer.redeem(revoked);
    assertEquals(403, response.statusCode());
    assertEquals(
        "This code has been revoked. Please contact the event organizer.",
        ViewerApi.error(response));
    assertEquals("code-revoked", ViewerApi.code(response));

    Instant now = Instant.now();
    String inactive = fixtures.event(now.minusSeconds(60), now.plusSeconds(3600), 48, false);
    response = viewer.redeem(fixtures.code(inactive));
    assertEquals(403, response.statusCode());
    assertEquals("This event is no longer available.", ViewerApi.error(response));
    assertEquals("event-unavailable", ViewerApi.code(response));
  }

  @Test
  void aCodeInUseIsRefusedOnAnotherDeviceUntilReleased() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    String token = ViewerApi.token(viewer.redeem(code));

    HttpResponse<String> second = new ViewerApi(streamGate).redeem(code);
    assertEquals(409, second.statusCode());
    JsonObject body = JsonBodies.parse(second.body());
    assertEquals(
        "This access code is currently in use on another device.", body.getString("error"));
    assertTrue(body.getBoolean("inUse"));
    assertEquals("code-in-use", body.getString("code"));

    HttpResponse<String> released = viewer.withToken("/api/playback/release", token);
    assertEquals(200, released.statusCode());
    assertTrue(JsonBodies.parse(released.body()).getBoolean("released"));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());
  }

  /**
   * The specification: a refresh re-validates the code (same statuses as validate), so a code
   * revoked by the admin API while it plays gets 403 with the revoked sentence, and no new token.
   */
  @Test
  void refreshingARevokedCodeIsRefusedAndMintsNothing() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    String token = ViewerApi.token(viewer.redeem(code));
    Instant redeemedAt = fixtures.redeemedAt(code);
    AdminApi.ok(new AdminApi(streamGate).loggedIn().revoke(fixtures.codeId(code)));
    int sessions = fixtures.sessionsOf(code);

    for (int attempt = 1; attempt <= 2; attempt++) {
      HttpResponse<String> refused = viewer.withToken("/api/playback/refresh", token);
      assertEquals(403, refused.statusCode(), refused.body());
      assertEquals(
          "This code has been revoked. Please contact the event organizer.",
          ViewerApi.error(refused));
      assertEquals("code-revoked", ViewerApi.code(refused));
      JsonObject body = JsonBodies.parse(refused.body());
      assertFalse(body.containsKey("playbackToken"), refused.body());
      assertFalse(body.containsKey("tokenExpiresIn"), refused.body());
      assertFalse(refused.body().contains("eyJ"), "no token of any kind: " + refused.body());
    }

    assertEquals(0, fixtures.auditEntries("refresh", hashed(code)), "no refresh recorded");
    assertEquals(sessions, fixtures.sessionsOf(code), "the refusal ends or starts no session");
    assertEquals(redeemedAt, fixtures.redeemedAt(code));
    assertEquals(
        403,
        viewer.redeem(code).statusCode(),
        "still revoked: the refused refresh restored nothing");
  }

  @Test
  void heartbeatRefreshReleaseCycle() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    String token = ViewerApi.token(viewer.redeem(code));
    String sid = verified(token).sid();

    HttpResponse<String> beat = viewer.withToken("/api/playback/heartbeat", token);
    assertEquals(200, beat.statusCode());
    assertTrue(JsonBodies.parse(beat.body()).getBoolean("ok"));

    HttpResponse<String> refreshed = viewer.withToken("/api/playback/refresh", token);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    JsonObject body = JsonBodies.parse(refreshed.body());
    assertEquals(3600, body.getInt("tokenExpiresIn"));
    String newToken = body.getString("playbackToken");
    assertEquals(sid, verified(newToken).sid(), "a refresh keeps the session");
    assertEquals(1, fixtures.auditEntries("refresh", hashed(code)));

    assertEquals(200, viewer.withToken("/api/playback/release", newToken).statusCode());
    assertEquals(0, fixtures.sessionsOf(code));
    assertEquals(1, fixtures.auditEntries("session-start", hashed(code)));
    assertEquals(1, fixtures.auditEntries("session-release", hashed(code)));
    assertEquals(
        3, fixtures.auditEntriesMentioning("session " + sid), "start, refresh and release name it");
    HttpResponse<String> gone = viewer.withToken("/api/playback/heartbeat", newToken);
    assertEquals(404, gone.statusCode());
    assertEquals("Session not found", ViewerApi.error(gone));
    assertEquals("session-not-found", ViewerApi.code(gone));
  }

  @Test
  void releaseAcceptsTheTokenInABeaconBody() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    String token = ViewerApi.token(viewer.redeem(code));
    HttpResponse<String> released =
        streamGate.send(
            viewer
                .request("/api/playback/release")
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(token))
                .build());
    assertEquals(200, released.statusCode(), released.body());
    assertEquals(0, fixtures.sessionsOf(code));
  }

  /**
   * A session whose heartbeats stopped is audited once as timed out, with its id. Nobody took its
   * code, so its next heartbeat resumes it (a listed difference: the specification answers 404).
   */
  @Test
  void aHeartbeatTimeOutIsAuditedWithTheSessionId() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    String token = ViewerApi.token(viewer.redeem(code));
    String sid = verified(token).sid();

    // SESSION_TIMEOUT_SECONDS is 10 on the test instance; the platform looks every 5 s.
    fixtures.ageSession(code, Duration.ofSeconds(12));
    Eventually.await(
        "the time-out in the audit trail",
        Duration.ofSeconds(20),
        () -> timeOutsAudited(code) == 1);
    assertEquals(
        1, fixtures.auditEntriesMentioning("session " + sid + ", last heartbeat"), "its id");

    HttpResponse<String> resumed = viewer.withToken("/api/playback/heartbeat", token);
    assertEquals(200, resumed.statusCode(), "nobody took the code over: the device plays on");
    fixtures.ageSession(code, Duration.ofSeconds(12));
    HttpResponse<String> other = new ViewerApi(streamGate).redeem(code);
    assertEquals(200, other.statusCode(), other.body());
    assertEquals(1, fixtures.auditEntries("session-timeout", hashed(code)), "reported once");
    assertEquals(
        1,
        fixtures.auditEntriesMentioning("took over session " + sid),
        "the takeover names the session it ended");
  }

  private int timeOutsAudited(String code) {
    try {
      return fixtures.auditEntries("session-timeout", hashed(code));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aStaleSessionIsTakenOverAndTheOldDeviceLearnsIt() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    String firstToken = ViewerApi.token(viewer.redeem(code));

    // SESSION_TIMEOUT_SECONDS is 10 on the test instance: a device quiet for 8 s still holds the
    // code, one quiet for 11 s has let it go. The session's last heartbeat is moved back instead
    // of waiting that long.
    fixtures.ageSession(code, Duration.ofSeconds(8));
    HttpResponse<String> refused = new ViewerApi(streamGate).redeem(code);
    assertEquals(409, refused.statusCode(), "a live session is never taken over");
    fixtures.ageSession(code, Duration.ofSeconds(3));
    HttpResponse<String> other = new ViewerApi(streamGate).redeem(code);
    assertEquals(200, other.statusCode(), other.body());

    HttpResponse<String> superseded = viewer.withToken("/api/playback/heartbeat", firstToken);
    assertEquals(409, superseded.statusCode());
    assertEquals("Session conflict", ViewerApi.error(superseded));
    assertEquals("session-taken-over", ViewerApi.code(superseded));
    assertEquals(409, viewer.withToken("/api/playback/refresh", firstToken).statusCode());
    assertEquals(1, fixtures.sessionsOf(code));
    assertEquals(1, fixtures.auditEntries("session-takeover", hashed(code)));
  }

  @Test
  void fiftyConcurrentRedeemsOfOneCodeGiveExactlyOneSession() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    ExecutorService pool = Executors.newFixedThreadPool(50);
    try {
      List<CompletableFuture<Integer>> attempts = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        ViewerApi device = new ViewerApi(streamGate);
        attempts.add(CompletableFuture.supplyAsync(() -> device.redeem(code).statusCode(), pool));
      }
      Map<Integer, Long> statuses =
          attempts.stream()
              .map(CompletableFuture::join)
              .collect(
                  Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
      assertEquals(Map.of(200, 1L, 409, 49L), statuses);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, fixtures.sessionsOf(code));
  }

  @Test
  void redeemIsLimitedToFivePerMinutePerClientAndForgedHeadersDoNotHelp() {
    String client = ViewerApi.nextClientIp();
    for (int i = 0; i < 5; i++) {
      // What a forging client sends arrives behind the proxy as "forged, real client".
      ViewerApi forger = new ViewerApi(streamGate, "203.0.113." + (i + 1) + ", " + client);
      assertEquals(401, forger.redeem("ZZZZ-ZZZZ-ZZZZ").statusCode());
    }
    HttpResponse<String> limited =
        new ViewerApi(streamGate, "203.0.113.99, " + client).redeem("ZZZZ-ZZZZ-ZZZZ");
    assertEquals(429, limited.statusCode());
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertEquals(401, new ViewerApi(streamGate).redeem("ZZZZ-ZZZZ-ZZZZ").statusCode());
  }

  @Test
  void refreshIsLimitedToTwelvePerHourPerCode() throws Exception {
    String token = ViewerApi.token(viewer.redeem(fixtures.code(fixtures.liveEvent())));
    for (int i = 0; i < 12; i++) {
      assertEquals(200, viewer.withToken("/api/playback/refresh", token).statusCode());
    }
    assertEquals(429, viewer.withToken("/api/playback/refresh", token).statusCode());
    assertEquals(200, viewer.withToken("/api/playback/heartbeat", token).statusCode());
  }

  @Test
  void badInputGetsAClearJsonErrorAndChangesNothing() throws Exception {
    String code = fixtures.code(fixtures.liveEvent());
    Map<String, Integer> bodies =
        Map.of(
            "not json",
            400,
            "[\"" + code + "\"]",
            400,
            "{\"code\": 123}",
            400,
            "{\"code\": null}",
            400,
            "{}",
            400,
            "{\"code\": \"" + code + "\", \"admin\": true}",
            400,
            "{\"code\": \"" + "A".repeat(9000) + "\"}",
            413);
    for (var entry : bodies.entrySet()) {
      HttpResponse<String> response = viewer.post("/api/tokens/validate", entry.getKey());
      assertEquals(entry.getValue(), response.statusCode(), entry.getKey());
      assertNotEquals("", ViewerApi.error(response));
    }
    HttpResponse<String> wrongType =
        streamGate.send(
            viewer
                .request("/api/tokens/validate")
                .header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(code))
                .build());
    assertEquals(415, wrongType.statusCode());
    assertNotEquals("", ViewerApi.error(wrongType));

    for (String token : List.of("", "garbage", "a.b.c")) {
      HttpResponse<String> response = viewer.withToken("/api/playback/heartbeat", token);
      assertEquals(401, response.statusCode());
      assertEquals("A valid playback token is required.", ViewerApi.error(response));
    }
    assertNull(fixtures.redeemedAt(code));
    assertEquals(0, fixtures.sessionsOf(code));
  }

  private static String payload(String token) {
    return new String(
        java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The code in none of its spellings: canonical, as printed on tickets, lower case. */
  private static void assertNoCodeIn(String code, String text, String where) {
    for (String spelling :
        List.of(code, AccessCodeCodec.display(code), code.toLowerCase(java.util.Locale.ROOT))) {
      assertFalse(text.contains(spelling), where + " gives the code away: " + text);
    }
  }

  /** The audit trail's name for a code: never the code itself. */
  static String hashed(String code) throws Exception {
    var digest = java.security.MessageDigest.getInstance("SHA-256").digest(code.getBytes());
    return "code#" + java.util.HexFormat.of().formatHex(digest, 0, 6);
  }
}

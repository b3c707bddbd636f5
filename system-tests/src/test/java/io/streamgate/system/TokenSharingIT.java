package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.codes.AccessCodeCodec;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One code, one device, also against a copied playback token: a token played by two clients at once
 * (two addresses, as the trusted test proxy reports them in X-Forwarded-For) ends its session, with
 * the reason in the heartbeat, the admin's viewers API and the audit log; the code is free for its
 * owner again. A device that changes address (a phone moving from Wi-Fi to mobile data, a
 * dual-stack device alternating IPv4 and IPv6) plays on. The shared instance runs with the default
 * {@code TOKEN_SHARING=end}.
 */
@ExtendWith(StreamGateExtension.class)
class TokenSharingIT {

  /** Time for a report to travel media server -> grid -> platform -> database -> grid. */
  private static final Duration ENDED_WITHIN = Duration.ofSeconds(5);

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static DemoStreams streams;
  private static MediaClient media;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) throws Exception {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    streams = new DemoStreams(shared.dataDir().resolve("streams"));
    media = new MediaClient(shared);
  }

  /** A live event playing the demo recording (15 two-second segments per variant). */
  private static String event() throws Exception {
    return streams.recording(fixtures.liveEvent());
  }

  private static HttpResponse<byte[]> segment(String event, int n, String token, String from) {
    return media.get(
        String.format("/streams/%s/720p/seg_%03d.ts", event, n),
        token,
        Map.of("X-Forwarded-For", from));
  }

  private static HttpResponse<byte[]> playlist(String event, String token, String from) {
    return media.get(
        "/streams/" + event + "/720p/index.m3u8", token, Map.of("X-Forwarded-For", from));
  }

  /** A player fetching segments {@code first..last} in order, each from the address given. */
  private static void play(
      String event, String token, int first, int last, IntFunction<String> from) {
    for (int n = first; n <= last; n++) {
      assertEquals(200, playlist(event, token, from.apply(n)).statusCode(), "playlist before " + n);
      assertEquals(200, segment(event, n, token, from.apply(n)).statusCode(), "segment " + n);
    }
  }

  @Test
  void aCopiedTokenPlayedByTwoClientsAtOnceEndsTheSession() throws Exception {
    String event = event();
    String code = fixtures.code(event);
    String owner = ViewerApi.nextClientIp();
    String copy = ViewerApi.nextClientIp();
    ViewerApi viewer = new ViewerApi(streamGate, owner);
    String token = ViewerApi.token(viewer.redeem(code));

    // Both follow the stream at the same time, each its own player.
    for (int n = 0; n < 15; n++) {
      if (segment(event, n, token, owner).statusCode() != 200
          || segment(event, n, token, copy).statusCode() != 200) {
        break;
      }
    }
    Eventually.await(
        "the shared token refused on every client",
        ENDED_WITHIN,
        () ->
            segment(event, 0, token, owner).statusCode() == 403
                && segment(event, 1, token, copy).statusCode() == 403);

    HttpResponse<String> heartbeat = viewer.withToken("/api/playback/heartbeat", token);
    assertEquals(403, heartbeat.statusCode(), heartbeat.body());
    JsonObject why = JsonBodies.parse(heartbeat.body());
    assertEquals("token-sharing", why.getString("reason"));
    assertTrue(why.getString("error").contains("more than one device at once"), heartbeat.body());
    HttpResponse<String> refresh = viewer.withToken("/api/playback/refresh", token);
    assertEquals(403, refresh.statusCode(), refresh.body());
    assertEquals("token-sharing", JsonBodies.parse(refresh.body()).getString("reason"));

    AdminApi admin = new AdminApi(streamGate).loggedIn();
    assertEquals(
        0, admin.get("/api/admin/events/" + event + "/sessions").getJsonArray("data").size());
    JsonArray sharing =
        admin.get("/api/admin/events/" + event + "/token-sharing").getJsonArray("data");
    assertEquals(1, sharing.size(), sharing.toString());
    JsonObject seen = sharing.getJsonObject(0);
    assertEquals("ended", seen.getString("action"));
    assertEquals(2, seen.getInt("clients"));
    assertEquals(owner, seen.getString("clientIp"));
    assertEquals("••••-••••-" + code.substring(code.length() - 4), seen.getString("code"));
    assertEquals(
        1, fixtures.auditEntries("token-sharing-ended", AccessCodeCodec.fingerprint(code)));
    assertTrue(!sharing.toString().contains(code), "no raw code in the answer");

    // The code is free for its owner again, on one device.
    HttpResponse<String> again = viewer.redeem(code);
    assertEquals(200, again.statusCode(), again.body());
    String fresh = ViewerApi.token(again);
    assertEquals(200, segment(event, 0, fresh, owner).statusCode());
    assertEquals(403, segment(event, 0, token, copy).statusCode(), "the copied token stays ended");
  }

  @Test
  void aPhoneMovingFromWifiToMobileDataKeepsPlaying() throws Exception {
    String event = event();
    String code = fixtures.code(event);
    String wifi = ViewerApi.nextClientIp();
    String mobile = "2001:db8:" + Integer.toHexString(wifi.hashCode() & 0xffff) + "::17";
    ViewerApi viewer = new ViewerApi(streamGate, wifi);
    String token = ViewerApi.token(viewer.redeem(code));

    play(event, token, 0, 6, n -> wifi);
    // Cut off in segment 6 on Wi-Fi: mobile data fetches it again, then goes on alone.
    play(event, token, 6, 14, n -> mobile);

    assertStillPlaying(event, code, viewer, token, mobile);
  }

  @Test
  void aDualStackDeviceAlternatingItsAddressesKeepsPlaying() throws Exception {
    String event = event();
    String code = fixtures.code(event);
    String v4 = ViewerApi.nextClientIp();
    String v6 = "2001:db8:" + Integer.toHexString(v4.hashCode() & 0xffff) + "::4:6";
    ViewerApi viewer = new ViewerApi(streamGate, v4);
    String token = ViewerApi.token(viewer.redeem(code));

    play(event, token, 0, 14, n -> n % 2 == 0 ? v4 : v6);
    // Playing it again from the start, now mostly over IPv6.
    play(event, token, 0, 14, n -> n % 3 == 0 ? v4 : v6);

    assertStillPlaying(event, code, viewer, token, v4);
  }

  /** Nothing was reported: after the time a report takes, the session and its token still play. */
  private static void assertStillPlaying(
      String event, String code, ViewerApi viewer, String token, String from) throws Exception {
    Eventually.holdsThroughout(
        "segment 14 plays",
        ENDED_WITHIN.dividedBy(2),
        () -> segment(event, 14, token, from).statusCode() == 200);
    HttpResponse<String> heartbeat = viewer.withToken("/api/playback/heartbeat", token);
    assertEquals(200, heartbeat.statusCode(), heartbeat.body());
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    JsonArray live = admin.get("/api/admin/events/" + event + "/sessions").getJsonArray("data");
    assertEquals(1, live.size(), live.toString());
    assertNull(live.getJsonObject(0).get("sharing") instanceof JsonObject ? "flagged" : null);
    assertEquals(
        0, admin.get("/api/admin/events/" + event + "/token-sharing").getJsonArray("data").size());
    assertEquals(
        0, fixtures.auditEntries("token-sharing-ended", AccessCodeCodec.fingerprint(code)));
  }
}

package io.streamgate.system;

import static io.streamgate.system.AdminApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.codes.AccessCodeCodec;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/revocations?since=}, what edge media servers poll: codes by their opaque id (the
 * {@code sub} of their tokens), never a raw code, and the sessions that ended (released or taken
 * over), so that an edge refuses their tokens too.
 */
@ExtendWith(StreamGateExtension.class)
class RevocationFeedIT {

  private static LaunchedStreamGate shared;
  private static Fixtures fixtures;
  private static AdminApi admin;

  @BeforeAll
  static void shared(LaunchedStreamGate instance) {
    shared = instance;
    fixtures = new Fixtures(instance.jdbcUrl(), "", instance.dataDir());
    admin = new AdminApi(instance).loggedIn();
  }

  private static JsonObject feedSince(Instant since) {
    HttpResponse<String> answer =
        shared.get(
            "/api/revocations?since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8),
            Map.of("X-Internal-Api-Key", StreamGateExtension.INTERNAL_API_KEY));
    assertEquals(200, answer.statusCode(), answer.body());
    return JsonBodies.parse(answer.body());
  }

  private static Set<String> values(JsonObject feed, String list, String field) {
    return feed.getJsonArray(list).stream()
        .map(item -> item.asJsonObject().getString(field))
        .collect(Collectors.toSet());
  }

  @Test
  void theFeedNamesCodesByTheirIdAndCarriesNoCode() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String event = fixtures.liveEvent();
    String revoked = fixtures.code(event);
    String restored = fixtures.code(event);
    String untouched = fixtures.code(event);
    String closedEvent = fixtures.liveEvent();
    String ofClosedEvent = fixtures.code(closedEvent);
    ok(admin.revoke(fixtures.codeId(revoked)));
    ok(admin.revoke(fixtures.codeId(restored)));
    ok(admin.unrevoke(fixtures.codeId(restored)));
    ok(admin.deactivate(closedEvent));

    JsonObject feed = feedSince(since);

    for (String code : List.of(revoked, restored, untouched, ofClosedEvent)) {
      for (String spelling : List.of(code, AccessCodeCodec.display(code))) {
        assertFalse(feed.toString().contains(spelling), "a raw code in the feed: " + feed);
      }
    }
    assertTrue(
        values(feed, "revocations", "codeId").contains(fixtures.codeId(revoked)), feed.toString());
    assertTrue(values(feed, "restorations", "codeId").contains(fixtures.codeId(restored)));
    JsonObject deactivation =
        feed.getJsonArray("eventDeactivations").stream()
            .map(item -> item.asJsonObject())
            .filter(item -> item.getString("eventId").equals(closedEvent))
            .findFirst()
            .orElseThrow();
    assertFalse(deactivation.containsKey("tokenCodes"), "no list of the event's codes");
    assertEquals(
        Set.of(
            "revocations",
            "restorations",
            "eventDeactivations",
            "eventReactivations",
            "endedSessions",
            "eventSources",
            "serverTime"),
        feed.keySet());
  }

  /**
   * Edge servers route an event's files to the origin it names as grid members do: the feed lists
   * every event changed since, with its origin folder (the stream URL without the playlist's name)
   * or null once it names none.
   */
  @Test
  void theFeedCarriesTheOriginOfEachEventChangedSince() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    Function<String, String> draft =
        streamUrl ->
            AdminApi.eventJson("Own origin", Instant.now(), Duration.ofHours(1), streamUrl);
    JsonObject created =
        admin.createEvent(draft.apply("https://Origin.example/live/gala/stream.m3u8"));
    String event = created.getString("id");
    assertEquals("stream.m3u8", created.getString("entryPlaylist"));

    assertEquals(Optional.of("https://origin.example/live/gala/"), source(feedSince(since), event));

    Instant changed = Instant.now().minusSeconds(1);
    admin.json(200, admin.send("PUT", "/api/admin/events/" + event, draft.apply("")));
    JsonObject feed = feedSince(changed);
    assertTrue(
        feed.getJsonArray("eventSources").stream()
            .map(item -> item.asJsonObject())
            .anyMatch(item -> item.getString("eventId").equals(event) && item.isNull("source")),
        feed.toString());
  }

  private static Optional<String> source(JsonObject feed, String event) {
    return feed.getJsonArray("eventSources").stream()
        .map(item -> item.asJsonObject())
        .filter(item -> item.getString("eventId").equals(event))
        .map(item -> item.getString("source"))
        .findFirst();
  }

  @Test
  void theFeedCarriesEndedSessionsButNotTheOneThatPlaysNow() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    String code = fixtures.code(fixtures.liveEvent());
    ViewerApi device = new ViewerApi(shared);
    String released = sid(device.redeem(code));
    ok(device.withToken("/api/playback/release", tokenOf(released)));
    String live = sid(device.redeem(code));

    JsonObject feed = feedSince(since);

    Set<String> sessions = values(feed, "endedSessions", "sessionId");
    assertTrue(sessions.contains(released), feed.toString());
    assertFalse(sessions.contains(live), "the session that holds the code now plays on");
  }

  private final Map<String, String> tokens = new java.util.HashMap<>();

  /** The session id of a successful redeem; its token is kept for {@link #tokenOf}. */
  private String sid(HttpResponse<String> redeemed) {
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    String token = ViewerApi.token(redeemed);
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    String sid = JsonBodies.parse(payload).getString("sid");
    tokens.put(sid, token);
    return sid;
  }

  private String tokenOf(String sid) {
    return tokens.get(sid);
  }
}

package io.streamgate.media.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.media.MovableClock;
import io.streamgate.media.upstream.control.EventSourcesFor;
import jakarta.json.JsonException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevocationPollerTest {

  private final RevocationPoller poller = new RevocationPoller();

  RevocationPollerTest() {
    poller.view = new RevocationView();
    poller.clock = clock;
    poller.sources = EventSourcesFor.trusting("https://origin.example/");
  }

  private static final String REVOKED = "3b9f1c2e-8a4d-4e6f-b1c3-5d7e9f0a2b4c";
  private static final String RESTORED = "7c1e3a5b-9d2f-4b8a-a6c4-e0f2a4b6c8d0";
  private static final String OTHER = "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b";
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:10Z");

  private final MovableClock clock = new MovableClock(NOW);

  @Test
  void appliesAdditionsAndRemovalsAndAnswersTheNextSince() {
    poller.view.revokeCode(RESTORED);
    poller.view.deactivateEvent("reopened");

    String next =
        poller.apply(
            """
            {"revocations":[{"codeId":"%s","revokedAt":"2026-11-23T10:00:00Z"}],
             "restorations":[{"codeId":"%s","restoredAt":"2026-11-23T10:00:01Z"}],
             "eventDeactivations":[{"eventId":"closed","deactivatedAt":"2026-11-23T10:00:02Z"}],
             "eventReactivations":[{"eventId":"reopened","reactivatedAt":"2026-11-23T10:00:03Z"}],
             "endedSessions":[],
             "serverTime":"2026-11-23T09:59:30Z"}
            """
                .formatted(REVOKED, RESTORED));

    assertEquals("2026-11-23T09:59:30Z", next);
    assertTrue(poller.view.refuses(REVOKED, "any", null));
    assertFalse(poller.view.refuses(RESTORED, "any", null));
    assertTrue(poller.view.refuses(OTHER, "closed", null));
    assertFalse(poller.view.refuses(OTHER, "reopened", null));
  }

  @Test
  void anEndedSessionIsRefusedUntilNoTokenOfItCanBeValid() {
    poller.apply(
        """
        {"revocations":[],"restorations":[],"eventDeactivations":[],"eventReactivations":[],
         "endedSessions":[{"sessionId":"taken-over","endedAt":"2026-11-23T10:00:05Z"}],
         "serverTime":"2026-11-23T09:59:40Z"}
        """);
    assertTrue(poller.view.refuses(OTHER, "event-1", "taken-over"), "the old device's token");
    assertFalse(poller.view.refuses(OTHER, "event-1", "new-session"), "the new device's token");

    clock.set(Instant.parse("2026-11-23T11:00:35Z"));
    poller.apply(EMPTY);
    assertTrue(poller.view.refuses(OTHER, "event-1", "taken-over"), "its tokens may still live");

    clock.set(Instant.parse("2026-11-23T11:00:36Z"));
    poller.apply(EMPTY);
    assertFalse(poller.view.refuses(OTHER, "event-1", "taken-over"), "forgotten");
    assertEquals(0, poller.view.size(), "the view does not grow with every release");
  }

  @Test
  void revokedCodesAndDeactivatedEventsAreForgottenOnceTheirTokensHaveExpired() {
    poller.apply(
        """
        {"revocations":[{"codeId":"%s","revokedAt":"2026-11-23T10:00:05Z"}],
         "restorations":[],
         "eventDeactivations":[{"eventId":"closed","deactivatedAt":"2026-11-23T10:00:05Z"}],
         "eventReactivations":[],"endedSessions":[],"serverTime":"2026-11-23T09:59:40Z"}
        """
            .formatted(REVOKED));

    clock.set(Instant.parse("2026-11-23T11:00:35Z"));
    poller.apply(EMPTY);
    assertTrue(poller.view.refuses(REVOKED, "any", null), "a token minted before may still live");
    assertTrue(poller.view.refuses(OTHER, "closed", null));

    clock.set(Instant.parse("2026-11-23T11:00:36Z"));
    poller.apply(EMPTY);
    assertEquals(0, poller.view.size(), "an edge server's view does not grow for its life");
  }

  @Test
  void aRevocationOlderThanAnyTokenIsNotKeptFromTheFirstAnswer() {
    poller.apply(
        """
        {"revocations":[{"codeId":"%s","revokedAt":"2026-11-01T10:00:00Z"},
                        {"codeId":"%s","revokedAt":"2026-11-23T10:00:00Z"}],
         "restorations":[],"eventDeactivations":[],"eventReactivations":[],"endedSessions":[],
         "serverTime":"2026-11-23T09:59:40Z"}
        """
            .formatted(OTHER, REVOKED));

    assertEquals(1, poller.view.size(), "only the revocation whose tokens may still live");
    assertTrue(poller.view.refuses(REVOKED, "any", null));
  }

  private static final String EMPTY =
      """
      {"revocations":[],"restorations":[],"eventDeactivations":[],"eventReactivations":[],
       "endedSessions":[],"serverTime":"2026-11-23T11:00:00Z"}
      """;

  @Test
  void eventOriginsComeWholeWithTheFirstAnswerThenAsChanges() {
    poller.sources.set("stale", "https://origin.example/stale/");

    poller.apply(
        withOrigins(
            ",\"eventSources\":[{\"eventId\":\"gala\",\"source\":\"https://origin.example/gala/\"},"
                + "{\"eventId\":\"plain\",\"source\":null}]"));
    assertEquals(Optional.of("https://origin.example/gala/"), origin("gala"));
    assertEquals(Optional.empty(), origin("stale"), "the first answer holds every origin");

    poller.since = "2026-11-23T09:59:40Z";
    poller.apply(
        withOrigins(
            ",\"eventSources\":[{\"eventId\":\"gala\"},"
                + "{\"eventId\":\"party\",\"source\":\"https://origin.example/party/\"}]"));
    assertEquals(Optional.empty(), origin("gala"), "names none any more");
    assertEquals(Optional.of("https://origin.example/party/"), origin("party"));

    poller.apply(withOrigins(""));
    assertEquals(
        Optional.of("https://origin.example/party/"),
        origin("party"),
        "a platform that sends no origins changes none");
  }

  /** An answer with nothing but these origins (a JSON member with its comma, or nothing). */
  private static String withOrigins(String eventSources) {
    return "{\"revocations\":[],\"restorations\":[],\"eventDeactivations\":[],"
        + "\"eventReactivations\":[],\"endedSessions\":[],"
        + "\"serverTime\":\"2026-11-23T09:59:40Z\""
        + eventSources
        + "}";
  }

  private Optional<String> origin(String eventId) {
    return poller.sources.of(eventId).map(own -> own.source().folder().toString());
  }

  @Test
  void aMalformedAnswerChangesNothing() {
    assertThrows(JsonException.class, () -> poller.apply("<html>proxy error</html>"));
    assertThrows(
        JsonException.class,
        () ->
            poller.apply(
                """
                {"revocations":[{"codeId":"%s","revokedAt":"2026-11-23T10:00:00Z"}],
                 "serverTime":"2026-11-23T09:59:30Z"}
                """
                    .formatted(OTHER)));
    assertFalse(poller.view.refuses(OTHER, "any", null));
  }
}

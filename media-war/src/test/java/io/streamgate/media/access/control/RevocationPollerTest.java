package io.streamgate.media.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.streamgate.media.ManualScheduler;
import io.streamgate.media.MovableClock;
import io.streamgate.media.upstream.control.EventSourcesFor;
import jakarta.json.JsonException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
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

  /** A platform on 127.0.0.1 whose revocation feed answers 200 or, while down, 503. */
  private HttpServer platform;

  private volatile boolean platformDown;

  private final List<String> alerts = new CopyOnWriteArrayList<>();
  private final List<String> recoveries = new CopyOnWriteArrayList<>();

  private final Logger log = Logger.getLogger(RevocationPoller.class.getName());

  private final Handler logged =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          String text = MessageFormat.format(record.getMessage(), record.getParameters());
          if (record.getLevel() == Level.SEVERE && text.startsWith("ALERT: ")) {
            alerts.add(text);
          } else if (text.equals("Revocation sync works again")) {
            recoveries.add(text);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private final ManualScheduler scheduler = new ManualScheduler();

  @AfterEach
  void stopPlatform() {
    log.removeHandler(logged);
    if (platform != null) {
      platform.stop(0);
    }
  }

  /** Starts polling the test's platform; each {@link ManualScheduler#runPeriodic()} is a poll. */
  private void pollPlatform() throws IOException {
    platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    platform.createContext(
        "/api/revocations",
        exchange -> {
          byte[] body =
              (platformDown ? "{\"error\":\"down\"}" : EMPTY).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(platformDown ? 503 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    platform.start();
    log.addHandler(logged);
    poller.scheduler = scheduler.executor;
    poller.intervalMillis = 30_000;
    poller.start(
        "http://127.0.0.1:" + platform.getAddress().getPort() + "/",
        "a-test-internal-api-key-0123456789");
  }

  /** One poll, {@code after} the previous one. */
  private void pollAfter(Duration after) {
    clock.move(after);
    scheduler.runPeriodic();
  }

  /**
   * The specification: an edge that cannot reach the platform keeps its last view and raises an
   * alert once it has not synced for 5 minutes, counted from its last successful sync.
   */
  @Test
  void anAlertIsLoggedOnceTheViewIsFiveMinutesBehindAndAgainEveryFive() throws IOException {
    pollPlatform();
    pollAfter(Duration.ZERO);
    assertEquals(Optional.of(NOW), poller.view.syncedAt(), "the first poll synced");
    poller.view.revokeCode(REVOKED);

    platformDown = true;
    // Polls every 30 s; the first failure is 30 s after the last success, the view older each time.
    for (int poll = 1; poll < 10; poll++) {
      pollAfter(Duration.ofSeconds(30));
    }
    assertEquals(List.of(), alerts, "4 min 30 s behind");
    pollAfter(Duration.ofSeconds(29));
    assertEquals(List.of(), alerts, "4 min 59 s behind");
    pollAfter(Duration.ofSeconds(1));
    assertEquals(1, alerts.size(), "5 min behind");
    assertTrue(alerts.get(0).contains("for 300 s"), alerts.get(0));
    assertTrue(alerts.get(0).contains("the platform answered 503"), alerts.get(0));
    assertTrue(alerts.get(0).contains(NOW.toString()), "says how old the view is: " + alerts);
    assertTrue(poller.view.refuses(REVOKED, "any", null), "the last view stays in force");

    for (int poll = 1; poll < 10; poll++) {
      pollAfter(Duration.ofSeconds(30));
    }
    assertEquals(1, alerts.size(), "not at every poll");
    pollAfter(Duration.ofSeconds(30));
    assertEquals(2, alerts.size(), "again 5 minutes later");
    assertTrue(alerts.get(1).contains("for 600 s"), alerts.get(1));

    platformDown = false;
    pollAfter(Duration.ofSeconds(30));
    assertEquals(List.of("Revocation sync works again"), recoveries);
    assertEquals(Optional.of(clock.instant()), poller.view.syncedAt());

    platformDown = true;
    pollAfter(Duration.ofMinutes(4));
    assertEquals(2, alerts.size(), "the view is 4 minutes old again, not 14");
    pollAfter(Duration.ofMinutes(1));
    assertEquals(3, alerts.size(), "a new outage alerts at once after 5 minutes");
  }

  @Test
  void anEdgeThatNeverSyncedAlertsFiveMinutesAfterItsStart() throws IOException {
    platformDown = true;
    pollPlatform();
    pollAfter(Duration.ofSeconds(299));
    assertEquals(List.of(), alerts);
    pollAfter(Duration.ofSeconds(1));
    assertEquals(1, alerts.size());
    assertTrue(alerts.get(0).endsWith("serving with the view of never"), alerts.get(0));
  }
}

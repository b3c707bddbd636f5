package io.streamgate.media.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonException;
import org.junit.jupiter.api.Test;

class RevocationPollerTest {

  private final RevocationPoller poller = new RevocationPoller();

  RevocationPollerTest() {
    poller.view = new RevocationView();
  }

  @Test
  void appliesAdditionsAndRemovalsAndAnswersTheNextSince() {
    poller.view.revokeCode("RESTORED1");
    poller.view.deactivateEvent("reopened");

    String next =
        poller.apply(
            """
            {"revocations":[{"code":"REVOKED1","revokedAt":"2026-11-23T10:00:00Z"}],
             "restorations":[{"code":"RESTORED1","restoredAt":"2026-11-23T10:00:01Z"}],
             "eventDeactivations":[{"eventId":"closed","deactivatedAt":"2026-11-23T10:00:02Z",
                                    "tokenCodes":["A","B"]}],
             "eventReactivations":[{"eventId":"reopened","reactivatedAt":"2026-11-23T10:00:03Z"}],
             "serverTime":"2026-11-23T09:59:30Z"}
            """);

    assertEquals("2026-11-23T09:59:30Z", next);
    assertTrue(poller.view.refuses("REVOKED1", "any", null));
    assertFalse(poller.view.refuses("RESTORED1", "any", null));
    assertTrue(poller.view.refuses("A", "closed", null));
    assertFalse(poller.view.refuses("C", "reopened", null));
  }

  @Test
  void aMalformedAnswerChangesNothing() {
    assertThrows(JsonException.class, () -> poller.apply("<html>proxy error</html>"));
    assertThrows(
        JsonException.class,
        () ->
            poller.apply(
                """
                {"revocations":[{"code":"X","revokedAt":"2026-11-23T10:00:00Z"}],
                 "serverTime":"2026-11-23T09:59:30Z"}
                """));
    assertFalse(poller.view.refuses("X", "any", null));
  }
}

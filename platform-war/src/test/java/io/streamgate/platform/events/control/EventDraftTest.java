package io.streamgate.platform.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.refusal.control.BadRequestException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The specification's event rules, as the admin API and the console apply them. */
class EventDraftTest {

  private static final Instant STARTS = Instant.parse("2026-12-24T19:00:00Z");
  private static final Instant ENDS = STARTS.plusSeconds(7200);

  @Test
  void aValidEventIsKeptTidy() {
    EventDraft draft =
        new EventDraft(
            "  Carols  ",
            "  ",
            " https://cdn.example/live.m3u8 ",
            null,
            "",
            STARTS,
            ENDS,
            48,
            null,
            null);
    assertEquals("Carols", draft.title());
    assertNull(draft.description(), "a blank description is none");
    assertEquals("https://cdn.example/live.m3u8", draft.streamUrl());
    assertEquals("live.m3u8", draft.entryPlaylist(), "the playlist the stream URL names");
    assertNull(draft.posterUrl());
  }

  @Test
  void theApiReportsTheFirstProblemInTheOrderOfTheForm() {
    BadRequestException refused =
        assertThrows(
            BadRequestException.class,
            () -> new EventDraft("", null, "ftp://x", null, null, ENDS, STARTS, 0, null, null));
    assertEquals("Title is required.", refused.getMessage());
  }

  @Test
  void theConsoleSeesEveryProblemNextToItsField() {
    Map<String, String> problems =
        EventDraft.problems(
            "x".repeat(201), "d".repeat(4001), "ftp://x", null, "not a url", ENDS, STARTS, 169);
    assertEquals(
        List.of("title", "description", "streamUrl", "posterUrl", "endsAt", "accessWindowHours"),
        List.copyOf(problems.keySet()));
    assertEquals("Title must have at most 200 characters.", problems.get("title"));
    assertEquals("The event must start before it ends.", problems.get("endsAt"));
    assertEquals(
        "Access window must be between 1 and 168 hours.", problems.get("accessWindowHours"));
  }

  @Test
  void anEventMustStartBeforeItEnds() {
    assertEquals(
        "The event must start before it ends.",
        EventDraft.problems("t", null, null, null, null, STARTS, STARTS, 1).get("endsAt"));
    assertEquals(
        "Start and end times are required.",
        EventDraft.problems("t", null, null, null, null, null, ENDS, 1).get("startsAt"));
    assertEquals(
        "Start and end times are required.",
        EventDraft.problems("t", null, null, null, null, STARTS, null, 1).get("endsAt"));
  }

  @Test
  void theAccessWindowIsOneToOneHundredSixtyEightHours() {
    assertTrue(EventDraft.problems("t", null, null, null, null, STARTS, ENDS, 1).isEmpty());
    assertTrue(EventDraft.problems("t", null, null, null, null, STARTS, ENDS, 168).isEmpty());
    assertTrue(
        EventDraft.problems("t", null, null, null, null, STARTS, ENDS, 0)
            .containsKey("accessWindowHours"));
    assertTrue(
        EventDraft.problems("t", null, null, null, null, STARTS, ENDS, 169)
            .containsKey("accessWindowHours"));
  }

  @Test
  void onlyAbsoluteWebUrlsWithAHostAndOfSaneLengthAreStreamUrls() {
    for (String bad :
        List.of(
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "/relative/path.m3u8",
            "http://exa mple.com/",
            "https://cdn.example/" + "a".repeat(1000))) {
      assertEquals(
          "Stream URL must be a valid http or https URL.",
          EventDraft.problems("t", null, bad, null, null, STARTS, ENDS, 1).get("streamUrl"),
          bad);
    }
    assertTrue(
        EventDraft.problems(
                "t", null, "HTTP://cdn.example:8443/a.m3u8", null, null, STARTS, ENDS, 1)
            .isEmpty());
  }

  @Test
  void aStreamUrlNamesAFolderTheMediaServersFetchFromSoItHoldsNothingElse() {
    Map<String, String> refusals =
        Map.of(
            "https://user:secret@origin.example/live/",
            "Stream URL must not hold a user name or password.",
            "https://origin.example/live/master.m3u8?token=1",
            "Stream URL must have no query or fragment: it names the folder of the stream or its"
                + " entry playlist.",
            "https://origin.example/live/#x",
            "Stream URL must have no query or fragment: it names the folder of the stream or its"
                + " entry playlist.",
            "https://origin.example/live/../admin/",
            "Stream URL path must be made of plain names (letters, digits, - _ .), such as"
                + " /live/gala/ or /live/gala/stream.m3u8.",
            "https://origin.example/live//gala/",
            "Stream URL path must be made of plain names (letters, digits, - _ .), such as"
                + " /live/gala/ or /live/gala/stream.m3u8.");
    refusals.forEach(
        (url, message) ->
            assertEquals(
                message,
                EventDraft.problems("t", null, url, null, null, STARTS, ENDS, 1).get("streamUrl"),
                url));
  }

  @Test
  void theEntryPlaylistComesFromTheStreamUrlUnlessGivenAndBothMustAgree() {
    assertEquals(
        "master.m3u8",
        new EventDraft(
                "t", null, "https://origin.example/gala", null, null, STARTS, ENDS, 1, null, null)
            .entryPlaylist());
    assertEquals(
        "stream.m3u8",
        new EventDraft(
                "t",
                null,
                "https://origin.example/gala/stream.m3u8",
                "stream.m3u8",
                null,
                STARTS,
                ENDS,
                1,
                null,
                null)
            .entryPlaylist());
    assertEquals(
        "Entry playlist and stream URL name different playlists; leave the entry playlist blank"
            + " to take the stream URL's.",
        EventDraft.problems(
                "t",
                null,
                "https://origin.example/gala/stream.m3u8",
                "master.m3u8",
                null,
                STARTS,
                ENDS,
                1)
            .get("entryPlaylist"));
  }

  @Test
  void theEntryPlaylistIsMasterUnlessAPlainPlaylistNameIsGiven() {
    assertEquals(
        "master.m3u8",
        new EventDraft("t", null, null, " ", null, STARTS, ENDS, 1, null, null).entryPlaylist());
    assertEquals(
        "stream.m3u8",
        new EventDraft("t", null, null, " stream.m3u8 ", null, STARTS, ENDS, 1, null, null)
            .entryPlaylist());
    for (String bad :
        List.of("../master.m3u8", "live/stream.m3u8", "master.ts", ".m3u8", "https://x/a.m3u8")) {
      assertEquals(
          "Entry playlist must be a file name ending in .m3u8, such as master.m3u8 or stream.m3u8.",
          EventDraft.problems("t", null, null, bad, null, STARTS, ENDS, 1).get("entryPlaylist"),
          bad);
    }
  }
}

package io.streamgate.media.upstream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.grid.AccessView;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which origin an event's files come from, as the platform publishes it and ops allow it. */
class EventSourcesTest {

  private static final String ORIGIN = "https://origin.example/live/";

  private final EventSources sources = EventSourcesFor.trusting(ORIGIN);

  @Test
  void onlyAFolderUnderAnAllowedOriginIsUsed() {
    sources.set("gala", ORIGIN + "gala/");
    sources.set("next-door", "https://origin.example/live-other/gala/");
    sources.set("lookalike", "https://origin.example.evil/live/gala/");
    sources.set("other-port", "https://origin.example:8443/live/gala/");

    assertEquals(Optional.of(URI.create(ORIGIN + "gala/")), folder("gala"));
    assertEquals(Optional.empty(), folder("next-door"));
    assertEquals(Optional.empty(), folder("lookalike"));
    assertEquals(Optional.empty(), folder("other-port"));
    assertEquals(Optional.empty(), folder("unknown"));
  }

  @Test
  void whatCannotBeAFolderOrNamesNoPlainEventIsIgnored() {
    sources.set("gala", ORIGIN + "gala/../../admin/");
    sources.set("query", ORIGIN + "q/?x=1");
    sources.set("playlist", ORIGIN + "p/master.m3u8");
    sources.set("..", ORIGIN + "dots/");
    sources.add(AccessView.sourceKey("spaces", "not a url"));

    assertEquals(0, sources.size());
  }

  @Test
  void eachOriginHasATagOfItsOwnSoTheFilesOfAFormerOneAreNeverServed() {
    sources.set("gala", ORIGIN + "gala/");
    String first = sources.of("gala").orElseThrow().tag();
    sources.set("party", ORIGIN + "gala/");
    assertEquals(first, sources.of("party").orElseThrow().tag(), "the same folder, the same tag");

    sources.set("gala", ORIGIN + "gala-take-2/");

    String second = sources.of("gala").orElseThrow().tag();
    assertNotEquals(first, second);
    assertTrue(second.matches("[0-9a-f]{16}"), second);
  }

  @Test
  void theGridsNewKeyComesBeforeTheOldKeysRemovalAndTheEventKeepsTheNewOrigin() {
    sources.add(AccessView.sourceKey("gala", ORIGIN + "gala/"));
    sources.add(AccessView.sourceKey("gala", ORIGIN + "gala-2/"));
    sources.remove(AccessView.sourceKey("gala", ORIGIN + "gala/"));
    assertEquals(Optional.of(URI.create(ORIGIN + "gala-2/")), folder("gala"));

    sources.remove(AccessView.sourceKey("gala", ORIGIN + "gala-2/"));
    assertEquals(Optional.empty(), folder("gala"));
    sources.add(AccessView.codeKey("3b9f1c2e-8a4d-4e6f-b1c3-5d7e9f0a2b4c"));
    assertEquals(0, sources.size(), "other keys are not origins");
  }

  @Test
  void aFullReadReplacesTheOrigins() {
    sources.set("gone", ORIGIN + "gone/");

    sources.replaceWith(Map.of("gala", ORIGIN + "gala/"));

    assertEquals(Optional.of(URI.create(ORIGIN + "gala/")), folder("gala"));
    assertEquals(Optional.empty(), folder("gone"));
  }

  private Optional<URI> folder(String eventId) {
    return sources.of(eventId).map(own -> own.source().folder());
  }
}

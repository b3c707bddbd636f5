package io.streamgate.common.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.grid.AccessView.Entry;
import io.streamgate.common.grid.AccessView.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessViewTest {

  @Test
  void keysReadBackAsWhatTheyStandFor() {
    assertEquals(
        Optional.of(new Entry(Kind.CODE, "0f8c2a4e-7b1d-4c3e-9a6f-2d5b8e1c4a70")),
        AccessView.parse(AccessView.codeKey("0f8c2a4e-7b1d-4c3e-9a6f-2d5b8e1c4a70")));
    assertEquals(
        Optional.of(new Entry(Kind.EVENT, "e-1")), AccessView.parse(AccessView.eventKey("e-1")));
    assertEquals(
        Optional.of(new Entry(Kind.SESSION, "s-1")),
        AccessView.parse(AccessView.sessionKey("s-1")));
    Entry source =
        AccessView.parse(AccessView.sourceKey("e-1", "https://origin.example/gala/")).orElseThrow();
    assertEquals(
        Optional.of(new AccessView.Source("e-1", "https://origin.example/gala/")),
        AccessView.source(source));
    assertEquals(Optional.empty(), AccessView.source(new Entry(Kind.EVENT, "e-1 x")));
    assertEquals(Optional.empty(), AccessView.source(new Entry(Kind.SOURCE, "e-1")));
  }

  @Test
  void unknownOrEmptyKeysAreIgnored() {
    assertTrue(AccessView.parse("later-kind:x").isEmpty());
    assertTrue(AccessView.parse("code:").isEmpty());
    assertTrue(AccessView.parse(null).isEmpty());
  }
}

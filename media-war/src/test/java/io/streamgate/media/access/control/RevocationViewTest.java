package io.streamgate.media.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.grid.AccessView;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationViewTest {

  private final RevocationView view = new RevocationView();

  @Test
  void gridKeysRefuseWhatTheyNameAndNothingElse() {
    view.add(AccessView.codeKey("CODE1"));
    view.add(AccessView.eventKey("event-1"));
    view.add(AccessView.sessionKey("sid-1"));

    assertTrue(view.refuses("CODE1", "event-2", "sid-9"));
    assertTrue(view.refuses("CODE2", "event-1", "sid-9"));
    assertTrue(view.refuses("CODE2", "event-2", "sid-1"));
    assertFalse(view.refuses("CODE2", "event-2", "sid-9"));
    assertFalse(view.refuses(null, "event-2", null), "a probe token of another event plays");
  }

  @Test
  void removingAKeyAllowsAgain() {
    view.add(AccessView.codeKey("CODE1"));
    view.remove(AccessView.codeKey("CODE1"));
    view.add("some-later-kind:x");

    assertFalse(view.refuses("CODE1", "event-1", "sid-1"));
    assertEquals(0, view.size());
  }

  @Test
  void replacingKeepsExactlyTheGivenEntries() {
    view.add(AccessView.codeKey("OLD"));
    view.add(AccessView.eventKey("kept"));

    view.replaceWith(List.of(AccessView.eventKey("kept"), AccessView.sessionKey("new-sid")));

    assertFalse(view.refuses("OLD", "other", null));
    assertTrue(view.refuses(null, "kept", null));
    assertTrue(view.refuses("X", "other", "new-sid"));
    assertEquals(2, view.size());
  }

  @Test
  void pollerChangesApplyByKind() {
    view.revokeCode("CODE1");
    view.deactivateEvent("event-1");
    assertTrue(view.refuses("CODE1", "event-2", null));
    assertTrue(view.refuses("CODE2", "event-1", null));

    view.restoreCode("CODE1");
    view.reactivateEvent("event-1");
    assertFalse(view.refuses("CODE1", "event-1", null));
  }
}

package io.streamgate.media.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.grid.AccessView;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevocationViewTest {

  private static final String CODE_1 = "3b9f1c2e-8a4d-4e6f-b1c3-5d7e9f0a2b4c";
  private static final String CODE_2 = "7c1e3a5b-9d2f-4b8a-a6c4-e0f2a4b6c8d0";
  private static final String OLD = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
  private static final String OTHER = "9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b";

  private final RevocationView view = new RevocationView();

  @Test
  void gridKeysRefuseWhatTheyNameAndNothingElse() {
    view.add(AccessView.codeKey(CODE_1));
    view.add(AccessView.eventKey("event-1"));
    view.add(AccessView.sessionKey("sid-1"));

    assertTrue(view.refuses(CODE_1, "event-2", "sid-9"));
    assertTrue(view.refuses(CODE_2, "event-1", "sid-9"));
    assertTrue(view.refuses(CODE_2, "event-2", "sid-1"));
    assertFalse(view.refuses(CODE_2, "event-2", "sid-9"));
    assertFalse(view.refuses(null, "event-2", null), "a probe token of another event plays");
  }

  @Test
  void removingAKeyAllowsAgain() {
    view.add(AccessView.codeKey(CODE_1));
    view.remove(AccessView.codeKey(CODE_1));
    view.add("some-later-kind:x");

    assertFalse(view.refuses(CODE_1, "event-1", "sid-1"));
    assertEquals(0, view.size());
  }

  @Test
  void replacingKeepsExactlyTheGivenEntries() {
    view.add(AccessView.codeKey(OLD));
    view.add(AccessView.eventKey("kept"));

    view.replaceWith(List.of(AccessView.eventKey("kept"), AccessView.sessionKey("new-sid")));

    assertFalse(view.refuses(OLD, "other", null));
    assertTrue(view.refuses(null, "kept", null));
    assertTrue(view.refuses(OTHER, "other", "new-sid"));
    assertEquals(2, view.size());
  }

  @Test
  void pollerChangesApplyByKind() {
    view.revokeCode(CODE_1);
    view.deactivateEvent("event-1");
    assertTrue(view.refuses(CODE_1, "event-2", null));
    assertTrue(view.refuses(CODE_2, "event-1", null));

    view.restoreCode(CODE_1);
    view.reactivateEvent("event-1");
    assertFalse(view.refuses(CODE_1, "event-1", null));
  }

  @Test
  void endedSessionsAreRefusedUntilForgotten() {
    view.endSession("sid-1");
    assertTrue(view.refuses(CODE_1, "event-1", "sid-1"));
    assertFalse(view.refuses(CODE_1, "event-1", "sid-2"));

    view.forgetSession("sid-1");
    assertFalse(view.refuses(CODE_1, "event-1", "sid-1"));
  }

  @Test
  void aTokenWhoseSubjectIsARawCodeIsRefused() {
    // Minted before subjects were opaque: its code cannot be matched against revocations (they
    // name code ids), so it is refused and the player renews it at the platform.
    assertTrue(view.refuses("ABCD2345WXYZ", "event-1", "sid-1"));
    assertFalse(view.refuses(CODE_1, "event-1", "sid-1"));
  }
}

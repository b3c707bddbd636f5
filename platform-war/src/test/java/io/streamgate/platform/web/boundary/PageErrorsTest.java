package io.streamgate.platform.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PageErrorsTest {

  @Test
  void anExpiredViewIsLoadedAgain() {
    assertEquals("/index.xhtml", PageErrors.freshView("/index.xhtml", null));
    assertEquals("/admin/events.xhtml", PageErrors.freshView("/admin/events.xhtml", null));
  }

  @Test
  void aViewIdThatCouldLeaveTheApplicationIsNeverARedirectTarget() {
    assertEquals("/", PageErrors.freshView("//attacker.example/x.xhtml", null));
    assertEquals("/", PageErrors.freshView("/../x.xhtml", null));
    assertEquals("/", PageErrors.freshView("/index.xhtml\r\nSet-Cookie: a=b", null));
    assertEquals(
        PageErrors.CONSOLE_LOGIN, PageErrors.freshView("/admin/x.xhtml?next=//evil", null));
  }
}

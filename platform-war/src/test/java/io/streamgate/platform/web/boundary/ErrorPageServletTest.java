package io.streamgate.platform.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ErrorPageServletTest {

  @Test
  void aBodyReadThatTimedOutIsTheClientsDoing() {
    // What Jersey throws when Grizzly's read of a stalled body gives up.
    var stalled = new RuntimeException(new IOException(new TimeoutException()));
    assertTrue(ErrorPageServlet.bodyTimedOut(stalled));
    assertFalse(ErrorPageServlet.bodyTimedOut(new IllegalStateException("bug")));
  }

  @Test
  void machinesGetJsonByTheAreaOfTheMappedPath() {
    assertTrue(ErrorPageServlet.answersJson("/api/admin/events"));
    assertTrue(ErrorPageServlet.answersJson("/health"));
    assertTrue(ErrorPageServlet.answersJson("/openapi/ui"));
    assertFalse(ErrorPageServlet.answersJson("/apix"));
    assertFalse(ErrorPageServlet.answersJson("/admin/codes.xhtml"));
  }

  @Test
  void aRawUriCannotSteerTheChoiceWithEscapedDots() {
    // The container serves /admin/events.xhtml for these, so they get the console's page.
    assertEquals("/admin/events.xhtml", errorDispatchOf("/api/%2e%2e/admin/events.xhtml"));
    assertEquals("/admin/events.xhtml", errorDispatchOf("/api/%2E%2E/admin/events.xhtml"));
    assertEquals("/admin/events.xhtml", errorDispatchOf("/api/..;x=y/admin/events.xhtml"));
    assertFalse(ErrorPageServlet.answersJson(errorDispatchOf("/api/%2e%2e/admin/events.xhtml")));
    // ...and the other way round: this is the API, although the raw URI starts elsewhere.
    assertEquals("/api/admin/events", errorDispatchOf("/admin/%2e%2e/api/admin/events"));
    assertTrue(ErrorPageServlet.answersJson(errorDispatchOf("/admin/%2e%2e/api/admin/events")));
    // Decoded once only, as the container does: %252e is a literal "%2e", not a dot.
    assertEquals("/api/%2e%2e/admin", errorDispatchOf("/api/%252e%252e/admin"));
    assertEquals("/", errorDispatchOf("/../.."));
    assertEquals("/admin/", errorDispatchOf("/admin/./"));
    assertEquals("/api/a b", errorDispatchOf("/api/a%20b?x=%2e%2e"));
  }

  @Test
  void theServletPathTheContainerRecordedWinsOverTheRawUri() {
    HttpServletRequest request =
        request(
            Map.of(
                RequestDispatcher.ERROR_REQUEST_URI, "/admin/raw",
                RequestDispatcher.FORWARD_SERVLET_PATH, "/api",
                RequestDispatcher.FORWARD_PATH_INFO, "/admin/events"),
            "",
            "/error",
            null);
    assertEquals("/api/admin/events", MappedPath.of(request));
  }

  @Test
  void aDirectRequestIsTakenByItsOwnMappedPathWithoutItsContext() {
    assertEquals("/error", MappedPath.of(request(Map.of(), "/ctx", "/error", null)));
    assertEquals(
        "/api/x",
        MappedPath.of(
            request(Map.of(RequestDispatcher.ERROR_REQUEST_URI, "/ctx/api/x"), "/ctx", "", "")));
  }

  private static String errorDispatchOf(String rawUri) {
    return MappedPath.of(
        request(Map.of(RequestDispatcher.ERROR_REQUEST_URI, rawUri), "", "/error", null));
  }

  /** A request during the error page's dispatch, answering only what MappedPath asks. */
  private static HttpServletRequest request(
      Map<String, Object> attributes, String context, String servletPath, String pathInfo) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ErrorPageServletTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getAttribute" -> attributes.get((String) args[0]);
                  case "getContextPath" -> context;
                  case "getServletPath" -> servletPath;
                  case "getPathInfo" -> pathInfo;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}

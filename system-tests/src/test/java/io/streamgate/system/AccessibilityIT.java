package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * axe-core (Deque's Playwright integration, which injects it) on every portal and console page, at
 * desktop and phone width: no violation of impact serious or critical of WCAG 2.1 A and AA.
 */
@ExtendWith(StreamGateExtension.class)
class AccessibilityIT {

  private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final Set<String> BLOCKING = Set.of("serious", "critical");
  private static final int[][] SIZES = {{1280, 800}, {390, 844}};

  private static Chromium chromium;
  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static String password;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) throws Exception {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    password = Files.readString(shared.dataDir().resolve("admin-password")).trim();
    chromium = Chromium.launch();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void thePortalsPagesHaveNoSeriousViolations() throws Exception {
    String event = fixtures.liveEvent();
    List<String> found = new ArrayList<>();
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      for (String path : List.of("/", "/?lang=de", "/embed/" + event, "/no-such-page")) {
        check(page, path, found);
      }
      page.navigate(streamGate.uri("/").toString());
      page.click("#watch");
      page.waitForSelector("#code-message:not([hidden])");
      found.addAll(violations(page, "/ with a refusal shown"));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theConsolesPagesHaveNoSeriousViolations() throws Exception {
    String event = fixtures.liveEvent();
    fixtures.code(event);
    // Something to chart on the analytics page.
    fixtures.viewingRecord(event, Instant.now().minusSeconds(3600), 600, 900, "720p=10", "Chrome");
    List<String> found = new ArrayList<>();
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      check(page, "/admin/login.xhtml", found);
      page.fill("#login\\:username", "admin");
      page.fill("#login\\:password", password);
      page.click("#login\\:sign-in");
      page.waitForURL("**/admin/index.xhtml");
      for (String path :
          List.of(
              "/admin/index.xhtml",
              "/admin/events.xhtml",
              "/admin/event.xhtml",
              "/admin/event.xhtml?id=" + event,
              "/admin/codes.xhtml",
              "/admin/codes.xhtml?event=" + event,
              "/admin/tickets.xhtml?event=" + event,
              "/admin/attendees.xhtml?event=" + event,
              "/admin/analytics.xhtml?event=" + event,
              "/admin/webhooks.xhtml",
              "/admin/users.xhtml",
              "/admin/devices.xhtml",
              "/admin/audit.xhtml",
              "/admin/account.xhtml")) {
        check(page, path, found);
      }
    }
    assertEquals(List.of(), found);
  }

  /** Opens {@code path} at each size and adds what axe finds there. */
  private static void check(Page page, String path, List<String> found) {
    for (int[] size : SIZES) {
      page.setViewportSize(size[0], size[1]);
      page.navigate(streamGate.uri(path).toString());
      page.waitForLoadState();
      found.addAll(violations(page, path + " at " + size[0] + "px"));
    }
  }

  private static List<String> violations(Page page, String where) {
    // Colours are judged as shown: after a message's fade-in, not halfway through it.
    page.waitForFunction(
        "() => document.getAnimations().every(a => a.playState !== 'running'"
            + " || a.effect?.getTiming().iterations === Infinity)");
    List<String> found = new ArrayList<>();
    for (Rule rule : new AxeBuilder(page).withTags(WCAG).analyze().getViolations()) {
      if (BLOCKING.contains(rule.getImpact())) {
        rule.getNodes()
            .forEach(
                node ->
                    found.add(
                        where
                            + ": "
                            + rule.getId()
                            + " ("
                            + rule.getImpact()
                            + ") "
                            + node.getTarget()
                            + " "
                            + node.getFailureSummary()));
      }
    }
    return found;
  }
}

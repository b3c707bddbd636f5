package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer portal in a real browser: the system Chromium, driven by Playwright. Without Chromium
 * the class is skipped loudly, or fails when {@code streamgate.require.browser} is true (CI).
 */
@ExtendWith(StreamGateExtension.class)
class ViewerBrowserIT {

  static final Path CHROMIUM =
      Path.of(System.getProperty("streamgate.chromium", "/usr/bin/chromium"));

  private static Playwright playwright;
  private static BrowserContext browser;

  @BeforeAll
  static void chromium(@TempDir Path profile) {
    if (!Files.isExecutable(CHROMIUM)) {
      if (Boolean.getBoolean("streamgate.require.browser")) {
        throw new AssertionError("Chromium is required but missing at " + CHROMIUM);
      }
      System.err.println("\n*** SKIPPED: browser tests, no Chromium at " + CHROMIUM + " ***\n");
      Assumptions.abort("no Chromium at " + CHROMIUM);
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launchPersistentContext(
                profile,
                new BrowserType.LaunchPersistentContextOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--autoplay-policy=no-user-gesture-required")));
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @Test
  void portalLoadsInChromiumWithEveryResourceAndNoScriptErrors(LaunchedStreamGate streamGate) {
    Page page = browser.newPage();
    List<String> problems = new ArrayList<>();
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            problems.add("console: " + message.text());
          }
        });
    page.onResponse(
        response -> {
          if (response.status() >= 400) {
            problems.add(response.status() + " " + response.url());
          }
        });
    page.onRequestFailed(request -> problems.add("failed " + request.url()));

    page.navigate(streamGate.uri("/").toString());

    assertEquals("StreamGate", page.title());
    assertTrue(page.locator("h1").textContent().contains("Watch your event"));
    // Other tests add events of their own to the shared instance: the demo is one card among them.
    assertEquals(1, page.locator(".event-card:has-text('StreamGate demo')").count());
    page.waitForLoadState();
    assertEquals(List.of(), problems);
    page.close();
  }
}

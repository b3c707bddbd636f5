package io.streamgate.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium, driven by Playwright, for browser tests. Without Chromium a test class is
 * skipped loudly, or fails when {@code streamgate.require.browser} is true (CI).
 */
final class Chromium implements AutoCloseable {

  static final Path EXECUTABLE =
      Path.of(System.getProperty("streamgate.chromium", "/usr/bin/chromium"));

  /** Where screenshots go: test artefacts, looked at by people, not compared by tests. */
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;

  /** What the browser refused because of a page's Content-Security-Policy, from every context. */
  private final List<String> policyViolations = new CopyOnWriteArrayList<>();

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static Chromium launch() {
    if (!Files.isExecutable(EXECUTABLE)) {
      if (Boolean.getBoolean("streamgate.require.browser")) {
        throw new AssertionError("Chromium is required but missing at " + EXECUTABLE);
      }
      System.err.println("\n*** SKIPPED: browser tests, no Chromium at " + EXECUTABLE + " ***\n");
      Assumptions.abort("no Chromium at " + EXECUTABLE);
    }
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE)
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
    return new Chromium(playwright, browser);
  }

  /**
   * A fresh browser profile at desktop size. Its requests carry an address of their own (the
   * platform trusts {@code X-Forwarded-For} from loopback), so per-address rate limits of one test
   * do not reach another.
   */
  BrowserContext newContext() {
    return newContext(new Browser.NewContextOptions());
  }

  /** A fresh browser profile at desktop size with {@code options} (a locale, say). */
  BrowserContext newContext(Browser.NewContextOptions options) {
    BrowserContext context = browser.newContext(options.setViewportSize(1280, 800));
    context.setExtraHTTPHeaders(Map.of("X-Forwarded-For", ViewerApi.nextClientIp()));
    context.onConsoleMessage(
        message -> {
          if (message.text().contains("Content Security Policy")) {
            policyViolations.add(message.location() + ": " + message.text());
          }
        });
    return context;
  }

  /**
   * The policy violations reported so far, forgotten here: for a test that provokes them on purpose
   * (a page framed where it may not be) and asserts them itself.
   */
  List<String> takePolicyViolations() {
    List<String> taken = List.copyOf(policyViolations);
    policyViolations.removeAll(taken);
    return taken;
  }

  /** Full-page screenshots of what the page shows now, at desktop size and at 390x844. */
  static void screenshots(Page page, String name) {
    var size = page.viewportSize();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(SCREENSHOTS.resolve(name + "-desktop.png")));
    page.setViewportSize(390, 844);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(SCREENSHOTS.resolve(name + "-390x844.png")));
    page.setViewportSize(size.width, size.height);
  }

  /**
   * Closes the browser, then fails if any page did something its Content-Security-Policy forbids (a
   * blocked script, style, font, stream or connection is something a user would miss).
   */
  @Override
  public void close() {
    browser.close();
    playwright.close();
    if (!policyViolations.isEmpty()) {
      throw new AssertionError("pages broke their Content-Security-Policy: " + policyViolations);
    }
  }

  /**
   * Presses Tab until the focus is on {@code selector}, at most {@code presses} times; answers the
   * ids (or tag names) of what was focused on the way, each checked to show where the focus is.
   */
  static List<String> tabTo(Page page, String selector, int presses) {
    List<String> visited = new java.util.ArrayList<>();
    for (int i = 0; i < presses; i++) {
      page.keyboard().press("Tab");
      Object focused =
          page.evaluate(
              "s => { const e = document.activeElement; if (!e || e === document.body) return null;"
                  + " return [e.matches(s), e.id || e.tagName.toLowerCase()]; }",
              selector);
      if (focused == null) {
        continue;
      }
      List<?> answer = (List<?>) focused;
      visited.add((String) answer.get(1));
      // The focus ring may fade in (a CSS transition): shown once it has, within a second.
      try {
        page.waitForFunction(
            "() => { const style = getComputedStyle(document.activeElement);"
                + " return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0"
                + " || style.boxShadow !== 'none'; }",
            null,
            new Page.WaitForFunctionOptions().setTimeout(1_000));
      } catch (com.microsoft.playwright.TimeoutError e) {
        throw new AssertionError("no visible focus on " + answer.get(1) + " after " + visited);
      }
      if (Boolean.TRUE.equals(answer.get(0))) {
        return visited;
      }
    }
    throw new AssertionError(selector + " not reached by Tab: " + visited);
  }
}

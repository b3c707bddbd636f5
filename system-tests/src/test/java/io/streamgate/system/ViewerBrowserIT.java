package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The viewer portal's entry page in the system Chromium: every resource loads, nothing fails. */
@ExtendWith(StreamGateExtension.class)
class ViewerBrowserIT {

  private static Chromium chromium;

  @BeforeAll
  static void chromium() {
    chromium = Chromium.launch();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void portalLoadsInChromiumWithEveryResourceAndNoScriptErrors(LaunchedStreamGate streamGate) {
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
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
      // Only the app itself is asked for anything: no font, script or style from elsewhere.
      page.onRequest(
          request -> {
            if (!request.url().startsWith(streamGate.uri("/").toString())) {
              problems.add("third party " + request.url());
            }
          });

      page.navigate(streamGate.uri("/").toString());
      page.waitForLoadState();
      page.evaluate("document.fonts.ready");

      assertEquals("StreamGate", page.title());
      assertTrue(page.locator("#entry h1").textContent().contains("Watch your event"));
      // Other tests add events of their own to the shared instance: the demo is one card of many.
      assertEquals(1, page.locator(".event-card:has-text('StreamGate demo')").count());
      Object loadedFonts =
          page.evaluate(
              "[...document.fonts].filter(f => f.status === 'loaded')"
                  + ".map(f => f.family.replaceAll('\"', ''))");
      assertTrue(loadedFonts.toString().contains("Inter"), "Inter loaded: " + loadedFonts);
      assertTrue(
          loadedFonts.toString().contains("JetBrains Mono"), "JetBrains Mono: " + loadedFonts);
      assertEquals(List.of(), problems);
    }
  }
}

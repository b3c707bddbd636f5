package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  @Test
  void thePortalListsOnlyListedEventsAndAnUnlistedOneStillOpensWithItsCode(
      LaunchedStreamGate streamGate) {
    AdminApi admin = new AdminApi(streamGate).loggedIn();
    String tag = UUID.randomUUID().toString().substring(0, 8);
    JsonObject hidden = admin.createEvent(eventJson("Private " + tag, null));
    JsonObject shown = admin.createEvent(eventJson("Public " + tag, true));
    assertEquals(false, hidden.getBoolean("listed"), "not listed unless said");

    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(streamGate.uri("/").toString());
      assertEquals(1, page.locator(".event-card:has-text('Public " + tag + "')").count());
      assertEquals(0, page.locator(".event-card:has-text('Private " + tag + "')").count());
      assertEquals(1, page.locator(".event-card:has-text('StreamGate demo')").count());

      AdminApi.ok(
          admin.send(
              "PUT",
              "/api/admin/events/" + shown.getString("id"),
              eventJson("Public " + tag, false)));
      page.reload();
      assertEquals(0, page.locator(".event-card:has-text('" + tag + "')").count());
    }
    String code =
        admin
            .json(
                201,
                admin.send(
                    "POST",
                    "/api/admin/events/" + hidden.getString("id") + "/tokens",
                    "{\"count\": 1}"))
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("code");
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode(), "unlisted, not closed");
  }

  @Test
  void thePortalSpeaksTheBrowsersLanguageAndKeepsTheViewersChoice(LaunchedStreamGate streamGate)
      throws Exception {
    try (BrowserContext context =
        chromium.newContext(
            new Browser.NewContextOptions().setLocale("de-DE").setTimezoneId("Europe/Berlin"))) {
      Page page = context.newPage();
      page.navigate(streamGate.uri("/").toString());
      assertEquals("de", page.getAttribute("html", "lang"));
      assertEquals("Ihre Veranstaltung ansehen", page.textContent("#entry h1").trim());
      assertEquals("Jetzt ansehen", page.textContent("#watch .label").trim());
      assertEquals("Jetzt und demnächst", page.textContent("#events h2").trim());

      page.click("#watch");
      assertEquals("Bitte geben Sie Ihren Zugangscode ein.", page.textContent("#code-message"));
      // An answer of the API in German, by its stable code (the API itself stays English).
      page.fill("#code", "ZZZZ-ZZZZ-ZZZZ");
      page.click("#watch");
      page.waitForSelector("#code-message:has-text('Ungültiger Code')");
      assertEquals(
          "Ungültiger Code. Bitte prüfen Sie Ihr Ticket und versuchen Sie es erneut.",
          page.textContent("#code-message"));
      // An expired code: until when, in German and Berlin time (the API says 21:00 UTC).
      Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
      Instant start = Instant.parse("2026-01-10T18:00:00Z");
      String expired =
          fixtures.code(
              fixtures.event(start, start.plus(Duration.ofHours(2)), 1, true),
              Instant.parse("2026-01-10T21:00:00Z"),
              false);
      page.fill("#code", expired);
      page.click("#watch");
      page.waitForSelector("#code-message:has-text('abgelaufen')");
      assertEquals(
          "Dieser Code ist abgelaufen. Der Zugang war bis 10. Januar 2026 um 22:00 möglich.",
          page.textContent("#code-message"));
      // Times on the cards in the viewer's language and time zone.
      String when = page.textContent(".event-card:has-text('StreamGate demo') time.local-time");
      assertFalse(when.contains("UTC"), when);
      Chromium.screenshots(page, "portal-de");

      page.click(".languages a[lang='fr']");
      page.waitForURL("**?lang=fr");
      assertEquals("Regarder votre événement", page.textContent("#entry h1").trim());
      page.navigate(streamGate.uri("/").toString());
      assertEquals("fr", page.getAttribute("html", "lang"), "the choice outlives Accept-Language");
      assertEquals("true", page.getAttribute(".languages a[lang='fr']", "aria-current"));
      page.navigate(streamGate.uri("/?lang=es").toString());
      assertEquals("Ver su evento", page.textContent("#entry h1").trim());
      page.navigate(streamGate.uri("/?lang=en").toString());
      assertEquals("Watch your event", page.textContent("#entry h1").trim());
    }
    for (String header :
        List.of(";;;q=abc,==", "xx-YY", "*", "q=0.9", "en-US,de;q=0.9", "zz, es;q=0.5")) {
      java.net.http.HttpResponse<String> answer =
          streamGate.get("/", java.util.Map.of("Accept-Language", header));
      assertEquals(200, answer.statusCode(), header);
      String expected = header.startsWith("zz") ? "es" : "en";
      assertTrue(
          java.util.regex.Pattern.compile("<html[^>]*\\slang=\"" + expected + "\"")
              .matcher(answer.body())
              .find(),
          header + " gave " + answer.body().substring(0, 300));
      assertEquals("Accept-Language, Cookie", answer.headers().firstValue("Vary").orElse(""));
    }
  }

  /** An event an hour from now, for an hour; {@code listed} left out when null. */
  private static String eventJson(String title, Boolean listed) {
    Instant starts = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
    JsonObjectBuilder event =
        Json.createObjectBuilder()
            .add("title", title)
            .add("startsAt", starts.toString())
            .add("endsAt", starts.plus(Duration.ofHours(1)).toString());
    if (listed != null) {
      event.add("listed", listed);
    }
    return event.build().toString();
  }
}

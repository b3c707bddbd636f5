package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The embed page ({@code /embed/{eventId}}) on the shared instance: framed by a site the event
 * allows, refused by any other, code entry and player in one; the portal itself is never framed.
 * The organisers' sites are two small HTTP servers on other loopback ports (other origins).
 */
@ExtendWith(StreamGateExtension.class)
class EmbedPageIT {

  private static Chromium chromium;
  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static DemoStreams streams;
  private static AdminApi admin;
  private static HttpServer allowed;
  private static HttpServer other;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) throws IOException {
    chromium = Chromium.launch();
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    streams = new DemoStreams(shared.dataDir().resolve("streams"));
    admin = new AdminApi(shared).loggedIn();
    allowed = organiserSite();
    other = organiserSite();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
    for (HttpServer site : new HttpServer[] {allowed, other}) {
      if (site != null) {
        site.stop(0);
      }
    }
  }

  @Test
  void anAllowedSiteFramesThePlayerAndItPlaysTheEventsCode() throws Exception {
    String event = streams.recording(fixtures.liveEvent());
    allowEmbedding(event, origin(allowed));
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(framing(allowed, "/embed/" + event));
      FrameLocator frame = page.frameLocator("#player-frame");
      assertTrue(frame.locator("#entry h1").textContent().startsWith("Test event"));
      assertEquals(0, frame.locator(".viewer-header:visible").count(), "no portal header");
      frame.locator("#code").fill(fixtures.code(event));
      frame.locator("#watch").click();
      frame.locator("#player-screen").waitFor();
      Frame player =
          page.frames().stream()
              .filter(f -> f.url().startsWith(streamGate.uri("/embed/").toString()))
              .findFirst()
              .orElseThrow();
      player.waitForFunction("() => document.getElementById('video').currentTime > 0");
      Chromium.screenshots(page, "embed-playing");
    }
  }

  @Test
  void anotherSiteCannotFrameItNorThePortal() throws Exception {
    String event = fixtures.liveEvent();
    allowEmbedding(event, origin(allowed));
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(framing(other, "/embed/" + event));
      page.waitForLoadState();
      assertFalse(framedPageShown(page), "a site the event does not name");

      page.navigate(framing(allowed, "/"));
      page.waitForLoadState();
      assertFalse(framedPageShown(page), "the portal, even for an allowed site");
    }
    List<String> refused = chromium.takePolicyViolations();
    assertTrue(
        refused.stream()
            .anyMatch(
                v ->
                    v.contains("Framing '" + streamGate.uri("/") + "'")
                        && v.contains("frame-ancestors " + origin(allowed))),
        "the browser refused the other site: " + refused);
    assertTrue(
        refused.stream().anyMatch(v -> v.contains("frame-ancestors 'none'")),
        "and the portal: " + refused);
    HttpResponse<String> embed = get("/embed/" + event);
    assertEquals(200, embed.statusCode());
    String policy = embed.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(policy.contains("frame-ancestors " + origin(allowed) + ";"), policy);
    assertTrue(embed.headers().firstValue("X-Frame-Options").isEmpty());
    HttpResponse<String> portal = get("/");
    assertEquals("DENY", portal.headers().firstValue("X-Frame-Options").orElseThrow());
    assertTrue(
        portal
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("frame-ancestors 'none'"));
  }

  @Test
  void anEventThatNamesNoSiteIsFramedByNobodyButItsPageStillWorks() throws Exception {
    String event = fixtures.liveEvent();
    HttpResponse<String> embed = get("/embed/" + event);
    assertEquals(200, embed.statusCode());
    assertEquals("DENY", embed.headers().firstValue("X-Frame-Options").orElseThrow());
    assertTrue(
        embed
            .headers()
            .firstValue("Content-Security-Policy")
            .orElseThrow()
            .contains("frame-ancestors 'none'"));
    assertTrue(embed.body().contains("id=\"entry-form\""), "a direct link opens it");
    assertEquals(
        List.of(),
        embed.headers().allValues("Set-Cookie"),
        "a framed page opens no HTTP session it could never use again");
  }

  @Test
  void aCodeOfAnotherEventIsRefusedAndLeftUnused() throws Exception {
    String event = fixtures.liveEvent();
    String otherEvent = streams.recording(fixtures.liveEvent());
    String code = fixtures.code(otherEvent);
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(streamGate.uri("/embed/" + event).toString());
      page.fill("#code", code);
      page.click("#watch");
      page.waitForSelector("#code-message:not([hidden])");
      assertEquals(
          "This code is for another event. Open it on the viewer portal.",
          page.textContent("#code-message"));
      assertTrue(page.isVisible("#entry"));
    }
    assertEquals(null, fixtures.redeemedAt(code), "never redeemed, nor claimed");
    assertEquals(0, fixtures.sessionsOf(code));
    assertEquals(1, fixtures.auditEntries("redeem-other-event", ViewerAccessContract.hashed(code)));
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode(), "free for its own page");
  }

  @Test
  void onlyAnEventsIdOpensAnEmbedPage() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    for (String path :
        List.of(
            "/embed/",
            "/embed",
            "/embed/" + event + "/x",
            "/embed/" + fixtures.codeId(code),
            "/embed/" + event.toUpperCase(),
            "/embed/" + event + "x",
            "/embed.xhtml")) {
      HttpResponse<String> answer = get(path);
      assertEquals(404, answer.statusCode(), path);
      assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElseThrow(), path);
    }
    HttpResponse<String> options =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(streamGate.uri("/embed/" + event).toString()))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals("DENY", options.headers().firstValue("X-Frame-Options").orElseThrow());
    assertEquals(200, get("/embed/demo").statusCode(), "the demo event's id is no UUID");
  }

  private static void allowEmbedding(String event, String origin) {
    JsonObject current = admin.get("/api/admin/events/" + event).getJsonObject("data");
    JsonArrayBuilder origins = Json.createArrayBuilder().add(origin + "/");
    String replaced =
        Json.createObjectBuilder()
            .add("title", current.getString("title"))
            .add("startsAt", current.getString("startsAt"))
            .add("endsAt", current.getString("endsAt"))
            .add("embedOrigins", origins)
            .build()
            .toString();
    JsonObject saved =
        JsonBodies.parse(AdminApi.ok(admin.send("PUT", "/api/admin/events/" + event, replaced)))
            .getJsonObject("data");
    assertEquals(
        List.of(origin),
        saved.getJsonArray("embedOrigins").getValuesAs(jakarta.json.JsonString::getString));
  }

  /** Whether the page in {@code #player-frame} is StreamGate's (not the browser's refusal). */
  private static boolean framedPageShown(Page page) {
    return page.frames().stream()
        .filter(frame -> frame != page.mainFrame())
        .anyMatch(
            frame ->
                frame.url().startsWith(streamGate.uri("/").toString())
                    && frame.querySelector("#entry-form") != null);
  }

  /** A page of {@code site} that frames {@code path} of StreamGate. */
  private static String framing(HttpServer site, String path) {
    return origin(site)
        + "/host.html?src="
        + java.net.URLEncoder.encode(streamGate.uri(path).toString(), StandardCharsets.UTF_8);
  }

  private static String origin(HttpServer site) {
    return "http://127.0.0.1:" + site.getAddress().getPort();
  }

  /** An organiser's site: one page with an iframe of the address its query names. */
  private static HttpServer organiserSite() throws IOException {
    HttpServer site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    site.createContext(
        "/host.html",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          String src =
              java.net.URLDecoder.decode(query.substring("src=".length()), StandardCharsets.UTF_8);
          byte[] body =
              ("<!DOCTYPE html><html><head><title>Organiser</title></head><body>"
                      + "<iframe id=\"player-frame\" src=\""
                      + src.replace("\"", "")
                      + "\" width=\"960\" height=\"540\" allow=\"autoplay; fullscreen\"></iframe>"
                      + "</body></html>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    site.start();
    return site;
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(streamGate.uri(path).toString())).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}

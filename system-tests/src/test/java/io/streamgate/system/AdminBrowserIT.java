package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console in the system Chromium, the way an organiser uses it: log in, create an event,
 * generate and export codes, revoke one and see the portal refuse it, release a viewer, watch the
 * live viewer count change by itself. Screenshots of every page go to target/screenshots.
 */
@ExtendWith(StreamGateExtension.class)
class AdminBrowserIT {

  private static final DateTimeFormatter PICKER =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private static Chromium chromium;
  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static String password;

  /**
   * The cookies of one console session of admin's: tests that are not about logging in reuse it.
   */
  private static List<Cookie> adminSession;

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
  void anOrganiserCreatesAnEventGeneratesExportsAndRevokesCodes() throws Exception {
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      List<String> problems = watch(page);

      page.navigate(url("/admin/events.xhtml"));
      assertTrue(page.url().endsWith("/admin/login.xhtml"), "sent to the login page");
      Chromium.screenshots(page, "admin-login");
      page.fill("#login\\:password", "not-the-password");
      page.click("#login\\:sign-in");
      assertEquals("Invalid credentials", page.textContent(".form-errors").trim());
      logIn(page, "admin", password);
      Chromium.screenshots(page, "admin-dashboard");

      page.click("#create-event");
      // Once loaded: the date pickers' script sets their fields when it starts.
      page.waitForURL("**/admin/event.xhtml");
      String title = "Browser gala " + UUID.randomUUID().toString().substring(0, 8);
      Instant start = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
      page.fill("#event-form\\:title", "");
      page.fill("#event-form\\:endsAt_input", PICKER.format(start.minus(2, ChronoUnit.HOURS)));
      page.fill("#event-form\\:startsAt_input", PICKER.format(start));
      page.fill("#event-form\\:streamUrl", "ftp://nope");
      page.fill("#event-form\\:embedOrigins", "https://shop.example.org/tickets");
      page.click("#event-form\\:save");
      page.waitForSelector("#event-form .ui-message-error");
      assertEquals("Title is required.", fieldError(page, "title"));
      assertEquals(
          "Embedding sites must be origins such as https://www.example.org (http or https, a host"
              + " name or IPv4 address and an optional port, nothing after it): https://shop.example.org/tickets.",
          fieldError(page, "embedOrigins"));
      assertEquals("The event must start before it ends.", fieldError(page, "endsAt"));
      assertEquals("Stream URL must be a valid http or https URL.", fieldError(page, "streamUrl"));
      Chromium.screenshots(page, "admin-event-invalid");
      assertEquals(0, fixtures.eventsTitled(title));

      page.fill("#event-form\\:title", title);
      page.fill("#event-form\\:endsAt_input", PICKER.format(start.plus(2, ChronoUnit.HOURS)));
      page.fill("#event-form\\:streamUrl", "");
      page.fill("#event-form\\:embedOrigins", "https://Shop.example.org/\n\nhttp://127.0.0.1:8081");
      page.click("#event-form\\:listed .ui-chkbox-box");
      page.click("body");
      page.click("#event-form\\:save");
      page.waitForURL("**/admin/event.xhtml?id=*");
      assertEquals(1, fixtures.eventsTitled(title));
      assertEquals(title, page.textContent(".admin-header h1").trim());
      String eventId = page.url().replaceFirst(".*[?&]id=", "");
      assertEquals(
          "https://shop.example.org\nhttp://127.0.0.1:8081",
          page.inputValue("#event-form\\:embedOrigins"));
      assertTrue(
          page.textContent("#embed-snippet")
              .startsWith("<iframe src=\"" + url("/embed/" + eventId) + "\""),
          page.textContent("#embed-snippet"));
      JsonObject saved =
          new AdminApi(streamGate)
              .loggedIn()
              .get("/api/admin/events/" + eventId)
              .getJsonObject("data");
      assertEquals(true, saved.getBoolean("listed"));
      assertEquals(2, saved.getJsonArray("embedOrigins").size());
      Chromium.screenshots(page, "admin-event");

      page.click("#event-codes");
      page.waitForSelector("#generate-form\\:generate-count_input");
      page.fill("#generate-form\\:generate-count_input", "5");
      page.fill("#generate-form\\:generate-label", "Front row");
      page.click("#generate-form\\:generate");
      page.waitForSelector("#generated .code-text");
      List<String> codes = page.locator("#generated .code-text").allTextContents();
      assertEquals(5, codes.size());
      assertEquals(
          5, page.locator("#codes-form\\:codes .code-row").count(), "the table shows them");
      Chromium.screenshots(page, "admin-codes");

      Download download = page.waitForDownload(() -> page.click("#generated a.button"));
      List<String> csv = Files.readAllLines(download.path());
      assertEquals("Code,Event Title,Expires At,Label,Status", csv.get(0));
      assertEquals(6, csv.size());
      assertTrue(
          csv.stream().skip(1).allMatch(line -> line.endsWith(",Front row,unused")),
          csv.toString());

      String revoked = codes.get(0);
      page.locator("#codes-form\\:codes .code-row:has-text('" + revoked + "') .revoke").click();
      page.click(".ui-confirmdialog-yes");
      page.waitForSelector(
          "#codes-form\\:codes .code-row:has-text('" + revoked + "') .badge.revoked");

      Page portal = context.newPage();
      portal.navigate(url("/?code=" + revoked));
      portal.click("#watch");
      portal.waitForSelector("#code-message:not([hidden])");
      assertEquals(
          "This code has been revoked. Please contact the event organizer.",
          portal.textContent("#code-message").trim());

      page.fill("#generate-form\\:generate-count_input", "1200");
      page.fill("#generate-form\\:generate-label", "Balcony");
      page.click("#generate-form\\:generate");
      page.waitForSelector("#generate-form\\:progress");
      page.waitForSelector(".job-result p");
      assertEquals(
          "1200 codes generated.",
          page.textContent(".job-result p").replace("Export CSV", "").trim());
      // The page now lists 1205 codes (metres of them): what the window shows, not the whole page.
      windowScreenshots(page, "admin-codes-job");
      assertEquals(1205, fixtures.codesOf(title));
      assertEquals(List.of(), problems);
    }
  }

  @Test
  void aReleasedViewerLeavesAndTheDashboardCountsViewersByItself() throws Exception {
    String event = fixtures.liveEvent();
    String first = fixtures.code(event);
    String second = fixtures.code(event);
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/index.xhtml"));
      page.evaluate("window.__sameDocument = true");

      try (Watching firstViewer = new Watching(streamGate, first)) {
        page.waitForSelector(
            "#live\\:live-list li[data-event='" + event + "'] .viewer-count:text-is('1')");
        try (Watching secondViewer = new Watching(streamGate, second)) {
          page.waitForSelector(
              "#live\\:live-list li[data-event='" + event + "'] .viewer-count:text-is('2')");
          assertEquals(true, page.evaluate("window.__sameDocument === true"), "never reloaded");
          Chromium.screenshots(page, "admin-dashboard-live");

          page.navigate(url("/admin/event.xhtml?id=" + event));
          assertEquals(2, page.locator(".viewer-row").count());
          Chromium.screenshots(page, "admin-event-viewers");
          page.locator(".viewer-row:has-text('" + first.substring(8) + "') .release").click();
          page.click(".ui-confirmdialog-yes");
          page.waitForSelector(".ui-growl-message:has-text('Session released')");
          assertEquals(1, page.locator(".viewer-row").count());
          assertEquals(0, fixtures.sessionsOf(first));
          assertEquals(
              200, new ViewerApi(streamGate).redeem(first).statusCode(), "free for a new device");
          assertEquals(List.of(), problems);
        }
      }
    }
  }

  @Test
  void aDashboardWhoseConnectionOpensAfterTheCountChangedStillShowsIt() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    String count = "#live\\:live-list li[data-event='" + event + "'] .viewer-count";
    try (BrowserContext context = asAdmin()) {
      Page connected = context.newPage();
      connected.addInitScript(HOLD_PUSH_CONNECTIONS);
      connected.navigate(url("/admin/index.xhtml"));
      connected.evaluate("window.__connectPush()");
      connected.waitForFunction("() => window.__pushOpen === true");
      Page late = context.newPage();
      List<String> problems = watch(late);
      late.addInitScript(HOLD_PUSH_CONNECTIONS);
      late.navigate(url("/admin/index.xhtml"));

      try (Watching viewer = new Watching(streamGate, code)) {
        connected.waitForSelector(count + ":text-is('1')");
        assertEquals(0, late.locator(count).count(), "the change was pushed before it connected");
        late.evaluate("window.__connectPush()");
        late.waitForSelector(count + ":text-is('1')");
        assertEquals(List.of(), problems);
      }
    }
  }

  /**
   * Makes the page's push connections wait until the test calls {@code window.__connectPush()}, as
   * a slow network or a proxy would; {@code window.__pushOpen} says when one has opened.
   */
  private static final String HOLD_PUSH_CONNECTIONS =
      """
      const RealWebSocket = window.WebSocket;
      const held = [];
      window.__connectPush = () => held.splice(0).forEach(connect => connect());
      window.WebSocket = function (url) {
        const socket = { readyState: 0, close() { this.real && this.real.close(); } };
        held.push(() => {
          const real = new RealWebSocket(url);
          socket.real = real;
          real.onopen = e => {
            socket.readyState = 1;
            window.__pushOpen = true;
            socket.onopen && socket.onopen(e);
          };
          real.onmessage = e => socket.onmessage && socket.onmessage(e);
          real.onclose = e => { socket.readyState = 3; socket.onclose && socket.onclose(e); };
        });
        return socket;
      };
      """;

  @Test
  void anOperatorSeesEverythingButCanChangeNothingAndSuperAdminPagesShowUsersAndTheAudit()
      throws Exception {
    String username = "viewer-desk-" + UUID.randomUUID().toString().substring(0, 6);
    fixtures.adminUser(username, "operator-password", "OPERATOR");
    String event = fixtures.liveEvent();
    fixtures.code(event);
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/login.xhtml"));
      logIn(page, username, "operator-password");
      assertFalse(page.isVisible("#create-event"));
      assertFalse(page.isVisible("#nav-users"));
      page.navigate(url("/admin/codes.xhtml?event=" + event));
      assertEquals(1, page.locator(".code-row").count());
      assertEquals(0, page.locator(".code-row .revoke").count());
      assertFalse(page.isVisible("#generate-form"));
      page.navigate(url("/admin/users.xhtml"));
      assertTrue(page.url().endsWith("/admin/index.xhtml"), "users page refused: " + page.url());
      assertEquals(List.of(), problems);
    }
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/users.xhtml"));
      assertTrue(page.locator(".user-row:has-text('" + username + "')").isVisible());
      Chromium.screenshots(page, "admin-users");
      page.navigate(url("/admin/audit.xhtml"));
      assertTrue(page.locator(".audit-row").count() > 0);
      Chromium.screenshots(page, "admin-audit");
      page.navigate(url("/admin/events.xhtml"));
      Chromium.screenshots(page, "admin-events");
      page.navigate(url("/admin/tickets.xhtml?event=" + event));
      assertEquals(1, page.locator(".ticket svg").count());
      Chromium.screenshots(page, "admin-tickets");
      assertEquals(List.of(), problems);
    }
  }

  /**
   * A super admin invites a person, who sets their own password from the link, signs in, turns on
   * two-factor sign-in with an authenticator app, and signs in again with a code from it.
   */
  @Test
  void anInvitedPersonSetsTheirPasswordAndTurnsOnTwoFactorSignIn() throws Exception {
    String username = "invited-" + UUID.randomUUID().toString().substring(0, 6);
    String link;
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/users.xhtml"));
      page.fill("#new-user\\:username", username);
      page.click("#new-user\\:invite-user");
      link = page.textContent("#invitation-link").trim();
      assertTrue(link.startsWith(url("/admin/invitation.xhtml?code=")), link);
      Chromium.screenshots(page, "admin-invite");
      assertEquals(List.of(), problems);
    }
    String chosen = "my-own-password-" + UUID.randomUUID().toString().substring(0, 4);
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(link);
      Chromium.screenshots(page, "admin-invitation");
      page.fill("#invitation\\:password", chosen);
      page.fill("#invitation\\:repeated", chosen);
      page.click("#invitation\\:set-password");
      assertEquals(username, page.textContent("#invited-username").trim());
      page.click("#to-login");
      logIn(page, username, chosen);

      page.navigate(url("/admin/account.xhtml"));
      page.click("#totp\\:totp-start");
      String secret = page.textContent("#totp-secret").trim();
      assertEquals(1, page.locator(".qr svg").count());
      page.fill("#totp\\:totp-code", Totp.code(secret, Instant.now()));
      page.click("#totp\\:totp-confirm");
      page.waitForSelector("#recovery-codes li");
      assertEquals(10, page.locator("#recovery-codes li").count());
      Chromium.screenshots(page, "admin-account-recovery-codes");
      assertEquals(List.of(), problems);

      try (BrowserContext again = chromium.newContext()) {
        Page login = again.newPage();
        login.navigate(url("/admin/login.xhtml"));
        login.fill("#login\\:username", username);
        login.fill("#login\\:password", chosen);
        login.click("#login\\:sign-in");
        assertTrue(
            login.textContent("#login\\:login-errors").contains("authenticator app"),
            login.content());
        login.fill("#login\\:password", chosen);
        login.fill("#login\\:code", Totp.code(secret, Instant.now().plusSeconds(30)));
        login.click("#login\\:sign-in");
        login.waitForURL("**/admin/index.xhtml");
      }
    }
    assertEquals(1, fixtures.auditEntriesBy(username, "invitation-accept", "user:" + username));
    assertEquals(1, fixtures.auditEntriesBy(username, "totp-enable", "user:" + username));
  }

  /** A super admin makes an enrollment code on the devices page and revokes the device later. */
  @Test
  void aSuperAdminEnrollsADeviceAndRevokesIt() throws Exception {
    String name = "door-" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/devices.xhtml"));
      page.fill("#enroll\\:device-name", name);
      page.selectOption("#enroll\\:device-role_input", "operator");
      page.click("#enroll\\:issue-enrollment");
      String code = page.textContent("#enrollment-code").trim();
      assertTrue(code.matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), code);
      assertEquals(1, page.locator(".enrollment .qr svg").count());
      Chromium.screenshots(page, "admin-devices-enrollment");

      AdminApi device = new AdminApi(streamGate);
      device.json(200, device.send("POST", "/api/auth/device", "{\"code\":\"" + code + "\"}"));
      page.navigate(url("/admin/devices.xhtml"));
      var row = page.locator(".device-row:has-text('" + name + "')");
      assertTrue(row.locator(".badge.active").isVisible());
      row.locator("button:has-text('Revoke')").click();
      page.click(".ui-confirmdialog-yes");
      page.waitForSelector(".device-row:has-text('" + name + "') .badge.inactive");
      Chromium.screenshots(page, "admin-devices");
      assertEquals(List.of(), problems);
    }
  }

  /**
   * An admin imports printed codes on the codes page: a file with a bad line is shown with its
   * problem and cannot be imported; a good one shows its first rows and is imported.
   */
  @Test
  void anAdminChecksAndImportsAFileOfPrintedCodes() throws Exception {
    String event = fixtures.liveEvent();
    String second = CodeImportIT.fresh(1).get(0);
    java.nio.file.Path bad = Files.createTempFile("codes-bad", ".csv");
    Files.writeString(
        bad, "code,label\n" + CodeImportIT.fresh(1).get(0) + ",front\nNOT-A-CODE,back\n");
    java.nio.file.Path good = Files.createTempFile("codes-good", ".csv");
    String third = CodeImportIT.fresh(1).get(0);
    Files.writeString(
        good, "code,label\n" + CodeImportIT.dashed(second) + ",front row\n" + third + ",\n");
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/codes.xhtml"));
      page.selectOption("#import-event", event);
      page.setInputFiles("#import-file", bad);
      page.click("#import-check");
      page.waitForSelector(".import-problems li:has-text('Line 3: not an access code')");
      assertTrue(page.locator("#import-run").isHidden());
      assertEquals(0, fixtures.codesOfEvent(event));

      page.setInputFiles("#import-file", good);
      page.click("#import-check");
      page.waitForSelector(".import-rows td:has-text('front row')");
      Chromium.screenshots(page, "admin-codes-import");
      page.click("#import-run");
      page.waitForSelector("#import-result:has-text('2 codes imported')");
      assertEquals(2, fixtures.codesOfEvent(event));
      assertEquals(List.of(), problems);
    } finally {
      Files.deleteIfExists(bad);
      Files.deleteIfExists(good);
    }
  }

  /**
   * An admin opens an event's attendees, uploads a list (a row that is no address is shown and left
   * out), adds one more attendee, sees each message sent with its code, and sends one again.
   */
  @Test
  void anAdminSendsTicketsByEmailAndSeesEachOneSent() throws Exception {
    String event = fixtures.liveEvent();
    String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    java.nio.file.Path list = Files.createTempFile("attendees", ".csv");
    Files.writeString(
        list,
        "email,name\nana@" + domain + ",Ana\nnot an address,Nobody\nbob@" + domain + ",Bob\n");
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/event.xhtml?id=" + event));
      page.click("#event-attendees");
      page.waitForSelector("#attendee-upload");
      page.setInputFiles("#attendee-file", list);
      page.click("#attendee-send");
      page.waitForSelector("#attendee-summary:has-text('2 tickets queued')");
      page.waitForSelector("#attendee-problems li:has-text('Line 3: ')");
      page.fill("#one-more\\:email", "cleo@" + domain);
      page.fill("#one-more\\:name", "Cleo");
      page.fill("#one-more\\:time-zone", "Asia/Tokyo");
      page.click("#one-more\\:send-one");
      page.waitForSelector(".attendee-row:has-text('cleo@" + domain + "')");
      // The sender takes them within seconds; Refresh shows where each stands.
      Eventually.await(
          "three tickets shown as sent",
          Duration.ofSeconds(60),
          () -> {
            page.waitForResponse(
                answer -> answer.url().contains("attendees.xhtml"),
                () -> page.click("#attendees-form\\:refresh"));
            return page.locator(".attendee-row .attendee-status:has-text('sent')").count() == 3;
          });
      assertTrue(page.textContent("#attendees-form\\:counts").contains("3 sent"));
      Chromium.screenshots(page, "admin-attendees");
      // Cleo's ticket went out last, seconds ago.
      page.click(".attendee-row:has-text('cleo@" + domain + "') button:has-text('Send again')");
      // Just sent: the console says when it may be sent again.
      page.waitForSelector("text=was sent less than a minute ago");
      assertEquals(List.of(), problems);
    } finally {
      Files.deleteIfExists(list);
    }
  }

  /**
   * A super admin registers a webhook endpoint on the webhooks page (its secret shown once), sees a
   * revocation delivered with the receiver's answer, and deletes the endpoint.
   */
  @Test
  void aSuperAdminRegistersAWebhookAndSeesItsDeliveries() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver();
        BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/webhooks.xhtml"));
      String target = receiver.url("/browser-" + UUID.randomUUID());
      page.fill("#register\\:url", target);
      page.click("#register\\:types");
      // The menu closes on a click outside only once it has opened fully (and says so).
      page.waitForSelector("#register\\:types_focus[aria-expanded='true']");
      page.click("#register\\:types_panel li:has-text('code.revoked') .ui-chkbox-box");
      page.click("#register\\:url");
      page.waitForSelector(
          "#register\\:types_panel",
          new Page.WaitForSelectorOptions()
              .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
      page.click("#register\\:register-endpoint");
      String secret = page.textContent("#webhook-secret").trim();
      assertTrue(secret.startsWith("whsec_"), secret);

      AdminApi admin = new AdminApi(streamGate).loggedIn();
      String endpoint =
          admin
              .get("/api/admin/webhooks")
              .getJsonArray("data")
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(listed -> listed.getString("url").equals(target))
              .findFirst()
              .orElseThrow()
              .getString("id");
      String codeId = fixtures.codeId(fixtures.code(fixtures.liveEvent()));
      AdminApi.ok(admin.revoke(codeId));
      Eventually.await(
          "the revocation delivered",
          Duration.ofSeconds(20),
          () ->
              admin
                  .get("/api/admin/webhooks/" + endpoint + "/deliveries")
                  .getJsonArray("data")
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .anyMatch(
                      delivery ->
                          delivery.getString("status").equals("delivered")
                              && delivery.getString("body").contains(codeId)));
      WebhookReceiver.Received arrived =
          receiver.at(java.net.URI.create(target).getPath()).stream()
              .filter(request -> request.body().contains(codeId))
              .findFirst()
              .orElseThrow();
      new com.standardwebhooks.Webhook(secret).verify(arrived.body(), arrived.headers());

      var row = page.locator(".endpoint-row:has-text('" + target + "')");
      row.locator("button:has-text('Deliveries')").click();
      var delivered = page.locator(".delivery-row:has-text('delivered')").first();
      delivered.waitFor();
      assertTrue(delivered.textContent().contains("answered 200"), delivered.textContent());
      Chromium.screenshots(page, "admin-webhooks");

      row.locator("button:has-text('Delete')").click();
      page.click(".ui-confirmdialog-yes");
      page.waitForSelector(
          ".endpoint-row:has-text('" + target + "')",
          new Page.WaitForSelectorOptions()
              .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
      assertEquals(List.of(), problems);
    }
  }

  @Test
  void theConsoleWorksWithAKeyboardAlone() throws Exception {
    String event = fixtures.liveEvent();
    try (BrowserContext context = chromium.newContext()) {
      Page page = context.newPage();
      page.navigate(url("/admin/login.xhtml"));
      Chromium.tabTo(page, "[id='login:username']", 10);
      page.keyboard().type("admin");
      page.keyboard().press("Tab");
      page.keyboard().type(password);
      page.keyboard().press("Enter");
      page.waitForURL("**/admin/index.xhtml");

      Chromium.tabTo(page, "#nav-events", 10);
      page.keyboard().press("Enter");
      page.waitForURL("**/admin/events.xhtml");
      Chromium.tabTo(page, "#nav-codes", 10);
      page.keyboard().press("Enter");
      page.waitForURL("**/admin/codes.xhtml");

      // An event's page, its analytics, and back, by links reached with Tab.
      page.navigate(url("/admin/event.xhtml?id=" + event));
      Chromium.tabTo(page, "#event-analytics", 40);
      page.keyboard().press("Enter");
      page.waitForURL("**/admin/analytics.xhtml?event=" + event);
      Chromium.tabTo(page, "#back-to-event", 40);
      page.keyboard().press("Enter");
      page.waitForURL("**/admin/event.xhtml?id=" + event);

      // The event form saves from the keyboard: the title, then Enter.
      Chromium.tabTo(page, "[id='event-form:title']", 60);
      page.keyboard().press("End");
      page.keyboard().type(" (keyboard)");
      page.keyboard().press("Enter");
      AdminApi api = new AdminApi(streamGate).loggedIn();
      Eventually.await(
          "the title saved from the keyboard",
          Duration.ofSeconds(10),
          () ->
              api.get("/api/admin/events/" + event)
                  .getJsonObject("data")
                  .getString("title")
                  .endsWith("(keyboard)"));
    }
  }

  /**
   * The login fields show a focus ring from the first Tab, before PrimeFaces' script has marked
   * them focused: here no script runs at all.
   */
  @Test
  void theLoginFieldsShowTheirFocusWithoutAScript() {
    try (BrowserContext context =
        chromium.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page page = context.newPage();
      page.navigate(url("/admin/login.xhtml"));
      Chromium.tabTo(page, "[id='login:password']", 10);
    }
  }

  @Test
  void theAnalyticsPageChartsAnEventsAudience() throws Exception {
    String event = fixtures.liveEvent();
    Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
    // Ten viewers arrive a minute apart, each watching 19.5 minutes: all ten in the tenth minute.
    for (int i = 0; i < 10; i++) {
      fixtures.viewingRecord(
          event,
          start.plus(Duration.ofMinutes(i)),
          20 * 60 - 30,
          500 + 300 * i,
          i < 7 ? "720p=100;360p=20" : "360p=120",
          i < 8 ? "Chrome" : "Firefox");
    }
    try (BrowserContext context = asAdmin()) {
      Page page = context.newPage();
      List<String> problems = watch(page);
      page.navigate(url("/admin/event.xhtml?id=" + event));
      page.click("#event-analytics");
      page.waitForURL("**/admin/analytics.xhtml?event=" + event);

      assertEquals("10", page.textContent("#peak-viewers").trim());
      assertEquals(
          PICKER.format(start.plus(Duration.ofMinutes(9))) + " UTC",
          page.textContent("#peak-viewers + .stat-note").trim());
      assertEquals("10 / 10", page.textContent("#sessions").trim());
      assertEquals("1.70 s / 3.20 s", page.textContent("#startup").trim());
      assertTrue(page.textContent("#analytics-state").contains("Nobody is watching now"));
      for (String chart :
          List.of("viewers-chart", "renditions-chart", "browsers-chart", "errors-chart")) {
        assertEquals(
            Boolean.TRUE,
            page.evaluate(
                "id => { const canvas = document.querySelector('[id$=\"' + id + '\"] canvas');"
                    + " return !!canvas && canvas.width > 0 && !!window.Chart"
                    + " && !!window.Chart.getChart(canvas); }",
                chart),
            chart + " drawn");
      }
      assertEquals(
          "720p",
          page.evaluate(
              "() => Chart.getChart(document.querySelector('[id$=\"renditions-chart\"] canvas'))"
                  + ".data.labels[0]"));
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(Chromium.SCREENSHOTS.resolve("admin-analytics-desktop.png")));

      // While someone watches, the figures follow without a reload (a poll every 15 s).
      fixtures.watchingRecord(event);
      page.reload();
      assertTrue(page.textContent("#analytics-state").contains("Live"));
      assertEquals("11 / 11", page.textContent("#sessions").trim());
      fixtures.watchingRecord(event);
      page.waitForFunction(
          "() => document.getElementById('sessions').textContent.trim() === '12 / 12'",
          null,
          new Page.WaitForFunctionOptions().setTimeout(25_000));
      // On a phone, loaded at its width (charts size themselves when drawn): nothing sideways.
      page.setViewportSize(390, 844);
      page.reload();
      page.waitForFunction(
          "() => [...document.querySelectorAll('canvas')].every(c => Chart.getChart(c))");
      assertEquals(
          Boolean.TRUE,
          page.evaluate("() => document.documentElement.scrollWidth <= 390"),
          "the analytics page scrolls sideways on a phone");
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(Chromium.SCREENSHOTS.resolve("admin-analytics-390x844.png")));
      assertEquals(List.of(), problems);
    }
  }

  /**
   * A fresh browser profile in which admin is logged in: one console session, logged in (the way
   * {@link #logIn} does) by the first test that asks, its cookie copied into each profile.
   */
  private static BrowserContext asAdmin() {
    if (adminSession == null) {
      try (BrowserContext context = chromium.newContext()) {
        Page page = context.newPage();
        page.navigate(url("/admin/login.xhtml"));
        logIn(page, "admin", password);
        adminSession = context.cookies();
      }
    }
    BrowserContext context = chromium.newContext();
    context.addCookies(adminSession);
    return context;
  }

  /** As {@link Chromium#screenshots}, of what the window shows rather than the whole page. */
  private static void windowScreenshots(Page page, String name) {
    var size = page.viewportSize();
    page.screenshot(
        new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + "-desktop.png")));
    page.setViewportSize(390, 844);
    page.screenshot(
        new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + "-390x844.png")));
    page.setViewportSize(size.width, size.height);
  }

  private static void logIn(Page page, String username, String password) {
    page.fill("#login\\:username", username);
    page.fill("#login\\:password", password);
    page.click("#login\\:sign-in");
    page.waitForURL("**/admin/index.xhtml");
  }

  private static String fieldError(Page page, String field) {
    return page.textContent(".field:has([id='event-form:" + field + "']) .ui-message-error").trim();
  }

  /** Console errors, failed requests and requests to other hosts, collected while the test runs. */
  private static List<String> watch(Page page) {
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
    page.onRequest(
        request -> {
          if (!request.url().startsWith(streamGate.uri("/").toString())
              && !request.url().startsWith("ws://127.0.0.1:" + streamGate.port())
              && !request.url().startsWith("data:")) {
            problems.add("third party " + request.url());
          }
        });
    return problems;
  }

  private static String url(String path) {
    return streamGate.uri(path).toString();
  }
}

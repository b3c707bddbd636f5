package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tickets by e-mail on the shared instance, sent to the tests' SMTP server (GreenMail): a list of
 * 1,000 attendees each get one message with their own code; an SMTP outage holds the messages and
 * its end delivers each exactly once; one more attendee and a resend; unsafe lists are refused
 * whole, addresses that are not addresses are reported while the others go out.
 */
@ExtendWith(StreamGateExtension.class)
class AttendeeMailIT {

  /** 1,000 messages at MAIL_RATE_PER_MINUTE=60000 take about 10 s; the rest is margin. */
  private static final Duration DELIVERED = Duration.ofSeconds(120);

  private static final Pattern CODE =
      Pattern.compile("Your access code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})");

  private static LaunchedStreamGate streamGate;
  private static MailServer mail;
  private static Fixtures fixtures;
  private static AdminApi admin;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared, MailServer server) {
    streamGate = shared;
    mail = server;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    admin = new AdminApi(shared).loggedIn();
  }

  @Test
  void aThousandAttendeesEachGetTheirOwnCodeAndBadAddressesAreReported() throws Exception {
    String event = fixtures.liveEvent();
    String domain = domain();
    StringBuilder csv = new StringBuilder("email,name,label,time zone\n");
    for (int i = 0; i < 1000; i++) {
      csv.append("guest")
          .append(i)
          .append('@')
          .append(domain)
          .append(",Guest ")
          .append(i)
          .append(",row ")
          .append(i % 10)
          .append(',')
          .append(i == 7 ? "Europe/Berlin" : "")
          .append('\n');
      if (i == 500) {
        csv.append("not-an-address,Nobody,,\n")
            .append("guest1@")
            .append(domain)
            .append(",Again,,\n");
        // Another spelling of a mailbox listed already, and one that would relay elsewhere.
        csv.append("\"Guest Two <GUEST2@").append(domain).append(">\",Again,,\n");
        csv.append("guest3%evil.example@").append(domain).append(",Relay,,\n");
      }
    }
    JsonObject added = admin.json(201, upload(event, csv.toString())).getJsonObject("data");
    assertEquals(1000, added.getInt("queued"));
    assertEquals(4, added.getInt("problemCount"));
    assertEquals(
        List.of(
            "Line 503: 'not-an-address' is not an e-mail address.",
            "Line 504: repeats the address of line 3.",
            "Line 505: repeats the address of line 4.",
            "Line 506: 'guest3%evil.example@" + domain + "' is not an e-mail address."),
        added.getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(jakarta.json.JsonString::getString)
            .toList());

    awaitSent(event, 1000);
    Map<String, JsonObject> listed = listed(event);
    assertEquals(1000, listed.size());
    List<MailServer.Received> messages = mail.to(domain);
    assertEquals(1000, messages.size(), "one message per attendee");
    Map<String, MailServer.Received> byRecipient =
        messages.stream().collect(Collectors.toMap(MailServer.Received::to, Function.identity()));
    assertEquals(1000, byRecipient.size(), "no attendee got two");
    String title = "Test event " + event.substring(0, 8);
    for (MailServer.Received message : messages) {
      JsonObject attendee = listed.get(message.to());
      assertEquals("sent", attendee.getString("status"), message.to());
      String code = attendee.getString("code");
      assertEquals(code, codeIn(message), message.to());
      assertEquals("Your ticket for " + title, message.subject());
      assertEquals("tickets@streamgate.test", message.from());
      assertTrue(message.body().contains("Hello " + attendee.getString("name") + ","));
      assertTrue(
          message
              .body()
              .contains("/?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "\n"),
          message.body());
    }
    assertTrue(byRecipient.get("guest7@" + domain).body().contains("(Europe/Berlin)"));
    assertTrue(byRecipient.get("guest8@" + domain).body().contains("(UTC)"));
    // The code in a message is the attendee's own, and it plays.
    assertEquals(
        200,
        new ViewerApi(streamGate)
            .redeem(codeIn(byRecipient.get("guest42@" + domain)))
            .statusCode());
    assertEquals(1, fixtures.auditEntries("attendees-add", "event:" + event));
  }

  @Test
  void anSmtpOutageHoldsTheMessagesAndItsEndDeliversEachOnce() throws Exception {
    String event = fixtures.liveEvent();
    String domain = domain();
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      csv.append("fan").append(i).append('@').append(domain).append(",Fan ").append(i).append('\n');
    }
    mail.stop();
    try {
      assertEquals(
          20,
          admin.json(201, upload(event, csv.toString())).getJsonObject("data").getInt("queued"));
      // Every message was tried, found no server, and waits, saying why.
      Eventually.await(
          "every message tried once while the SMTP server is away",
          Duration.ofSeconds(30),
          () ->
              listed(event).values().stream()
                  .allMatch(
                      attendee ->
                          attendee.getString("status").equals("queued")
                              && attendee.getInt("attempts") >= 1
                              && attendee.getString("lastAnswer").contains("SMTP server")));
    } finally {
      mail.start();
    }
    awaitSent(event, 20);
    // A copy sent twice would come with the next retry, within 5 s.
    Eventually.holdsThroughout(
        "no message twice", Duration.ofSeconds(6), () -> mail.to(domain).size() == 20);
    List<MailServer.Received> messages = mail.to(domain);
    assertEquals(20, messages.size(), "each message once");
    assertEquals(20, messages.stream().map(MailServer.Received::to).distinct().count());
  }

  @Test
  void oneMoreAttendeeAndAResendCarryTheSameCode() throws Exception {
    String event = fixtures.liveEvent();
    String domain = domain();
    String path = "/api/admin/events/" + event + "/attendees";
    JsonObject one =
        admin
            .json(
                201,
                admin.send(
                    "POST",
                    path,
                    "{\"email\":\"Late Comer <late@"
                        + domain
                        + ">\",\"name\":\"Late Comer\",\"timeZone\":\"America/New_York\"}"))
            .getJsonObject("data");
    assertEquals("late@" + domain, one.getString("email"));
    assertEquals("queued", one.getString("status"));
    awaitSent(event, 1);
    String resend = path + "/" + one.getString("id") + "/resend";
    JsonObject tooSoon = admin.json(409, admin.send("POST", resend, null));
    assertTrue(tooSoon.getString("error").contains("less than a minute ago"), tooSoon.toString());
    fixtures.ageSentTicket(one.getString("id"), Duration.ofMinutes(2));
    JsonObject resent = admin.json(200, admin.send("POST", resend, null)).getJsonObject("data");
    assertEquals("queued", resent.getString("status"));
    JsonObject twice = admin.json(409, admin.send("POST", resend, null));
    assertTrue(twice.getString("error").contains("queued to be sent already"), twice.toString());
    Eventually.await("the resend arrives", DELIVERED, () -> mail.to(domain).size() == 2);
    List<MailServer.Received> messages = mail.to(domain);
    assertEquals(one.getString("code"), codeIn(messages.get(0)));
    assertEquals(one.getString("code"), codeIn(messages.get(1)));
    assertTrue(messages.get(0).body().contains("(America/New_York)"));

    // The same address again, an address that is none, a time zone that is none.
    JsonObject again =
        admin.json(409, admin.send("POST", path, "{\"email\":\"LATE@" + domain + "\"}"));
    assertTrue(
        again.getString("error").contains("attendee of the event already"), again.toString());
    JsonObject notAnAddress =
        admin.json(400, admin.send("POST", path, "{\"email\":\"late at " + domain + "\"}"));
    assertTrue(notAnAddress.getString("error").contains("is not an e-mail address"));
    JsonObject noZone =
        admin.json(
            400,
            admin.send(
                "POST", path, "{\"email\":\"x@" + domain + "\",\"timeZone\":\"Mars/Olympus\"}"));
    assertTrue(noZone.getString("error").contains("time zone"), noZone.toString());
    assertEquals(1, listed(event).size(), "nothing else was added");
  }

  @Test
  void unsafeOrUnreadableListsAreRefusedWhole() throws Exception {
    String event = fixtures.liveEvent();
    String domain = domain();
    String good = "a@" + domain + ",A\n";
    Map<String, byte[]> lists = new HashMap<>();
    lists.put("formula", (good + "b@" + domain + ",=HYPERLINK(\"http://x\")\n").getBytes());
    lists.put(
        "latin-1", (good + "c@" + domain + ",Ren\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    lists.put("one 10 MB line", (good + "d@" + domain + "," + "x".repeat(10 << 20)).getBytes());
    for (Map.Entry<String, byte[]> list : lists.entrySet()) {
      HttpResponse<String> answer =
          admin.post("/api/admin/events/" + event + "/attendees", "text/csv", list.getValue());
      JsonObject refused = admin.json(400, answer);
      assertTrue(
          refused.getString("error").contains("nothing was queued"),
          list.getKey() + ": " + refused);
      assertTrue(refused.getInt("problemCount") >= 1, list.getKey());
    }
    assertEquals(0, listed(event).size(), "nothing was queued");
    assertEquals(0, mail.to(domain).size());
  }

  private static HttpResponse<String> upload(String event, String csv) {
    return admin.post(
        "/api/admin/events/" + event + "/attendees",
        "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  private static void awaitSent(String event, int count) {
    Eventually.await(
        count + " messages sent",
        DELIVERED,
        () ->
            admin
                    .get("/api/admin/events/" + event + "/attendees?limit=1")
                    .getJsonObject("counts")
                    .getInt("sent")
                == count);
  }

  /** The event's attendees by address. */
  private static Map<String, JsonObject> listed(String event) {
    Map<String, JsonObject> all = new HashMap<>();
    for (int page = 1; ; page++) {
      JsonObject answer =
          admin.get("/api/admin/events/" + event + "/attendees?limit=200&page=" + page);
      answer
          .getJsonArray("data")
          .getValuesAs(JsonObject.class)
          .forEach(attendee -> all.put(attendee.getString("email"), attendee));
      if (answer.getJsonArray("data").size() < 200) {
        return all;
      }
    }
  }

  private static String codeIn(MailServer.Received message) {
    Matcher matcher = CODE.matcher(message.body());
    assertTrue(matcher.find(), message.body());
    return matcher.group(1);
  }

  private static String domain() {
    return UUID.randomUUID().toString().substring(0, 8) + ".example.org";
  }
}

package io.streamgate.system;

import static io.streamgate.system.AdminApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API's events on the shared instance: creating one with the specification's checks,
 * reading it back, and generating codes a viewer can redeem at once.
 */
@ExtendWith(StreamGateExtension.class)
class AdminEventsIT {

  private static final Instant STARTS = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static AdminApi admin;

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "");
    admin = new AdminApi(shared).loggedIn();
  }

  @Test
  void aCreatedEventReadsBackAsSubmittedAndItsCodesOpenIt() throws Exception {
    String title = "Concert " + UUID.randomUUID();
    JsonObject created =
        data(
            created(
                admin.send(
                    "POST",
                    "/api/admin/events",
                    event(title, b -> b.add("posterUrl", "https://example.org/p.jpg")))));
    String id = created.getString("id");
    assertEquals(title, created.getString("title"));
    assertEquals(STARTS.toString(), created.getString("startsAt"));
    assertEquals(48, created.getInt("accessWindowHours"), "the default window");
    assertEquals(true, created.getBoolean("isActive"));
    assertEquals(created, data(ok(admin.send("GET", "/api/admin/events/" + id, null))));
    assertEquals(1, fixtures.auditEntries("event-create", "event:" + id));

    JsonArray codes =
        JsonBodies.parse(
                created(
                    admin.send(
                        "POST",
                        "/api/admin/events/" + id + "/tokens/generate",
                        "{\"count\": 25, \"label\": \"Row A\"}")))
            .getJsonArray("data");
    assertEquals(25, codes.size());
    Set<String> distinct = new HashSet<>();
    codes.getValuesAs(JsonObject.class).forEach(code -> distinct.add(code.getString("code")));
    assertEquals(25, distinct.size());
    JsonObject first = codes.getJsonObject(0);
    assertEquals("unused", first.getString("status"));
    assertEquals("Row A", first.getString("label"));
    assertEquals(STARTS.plusSeconds(3600 + 48 * 3600).toString(), first.getString("expiresAt"));
    assertEquals(200, new ViewerApi(streamGate).redeem(first.getString("code")).statusCode());
    assertEquals(1, fixtures.auditEntries("codes-generate", "event:" + id));
  }

  @Test
  void invalidEventsAreRefusedWithTheReasonAndNothingIsSaved() throws Exception {
    String title = "Refused " + UUID.randomUUID();
    assertRefused(event("  ", b -> {}), "Title is required.");
    assertRefused(
        event(title, b -> b.add("endsAt", STARTS.toString())),
        "The event must start before it ends.");
    assertRefused(
        event(title, b -> b.add("accessWindowHours", 0)),
        "Access window must be between 1 and 168 hours.");
    assertRefused(
        event(title, b -> b.add("accessWindowHours", 169)),
        "Access window must be between 1 and 168 hours.");
    assertRefused(
        event(title, b -> b.add("streamUrl", "javascript:alert(1)")),
        "Stream URL must be a valid http or https URL.");
    assertRefused(
        event(title, b -> b.add("startsAt", "tomorrow")),
        "Field startsAt must be an ISO 8601 time with an offset, such as 2026-12-01T19:00:00Z.");
    assertRefused(event(title, b -> b.add("colour", "red")), "Unknown field: colour.");
    assertEquals(0, fixtures.eventsTitled(title));
  }

  @Test
  void codeGenerationTakesOneToFiveHundred() throws Exception {
    String event = fixtures.liveEvent();
    String path = "/api/admin/events/" + event + "/tokens/generate";
    for (String body : new String[] {"{\"count\": 0}", "{\"count\": 501}", "{}"}) {
      HttpResponse<String> refused = admin.send("POST", path, body);
      assertEquals(400, refused.statusCode(), body);
      assertEquals("Count must be between 1 and 500.", error(refused));
    }
    assertEquals(400, admin.send("POST", path, "{\"count\": 2.5}").statusCode());
    assertEquals(0, fixtures.auditEntries("codes-generate", "event:" + event));
    assertEquals(
        500,
        JsonBodies.parse(created(admin.send("POST", path, "{\"count\": 500}")))
            .getJsonArray("data")
            .size());

    HttpResponse<String> unknown =
        admin.send("POST", "/api/admin/events/no-such-event/tokens/generate", "{\"count\": 1}");
    assertEquals(404, unknown.statusCode());
    assertEquals("Event not found", error(unknown));
    assertEquals(404, admin.send("GET", "/api/admin/events/no-such-event", null).statusCode());
  }

  @Test
  void anOperatorCannotCreateEventsOrCodesAndAStrangerIsNotLetIn() throws Exception {
    String username = "operator-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(username, "operator-password", "OPERATOR");
    AdminApi operator = new AdminApi(streamGate);
    ok(operator.login(username, "operator-password"));
    String event = fixtures.liveEvent();

    assertEquals(
        403, operator.send("POST", "/api/admin/events", event("No", b -> {})).statusCode());
    assertEquals(
        403,
        operator
            .send("POST", "/api/admin/events/" + event + "/tokens/generate", "{\"count\": 1}")
            .statusCode());
    assertEquals(200, operator.send("GET", "/api/admin/events/" + event, null).statusCode());
    assertEquals(
        401, new AdminApi(streamGate).send("GET", "/api/admin/events/" + event, null).statusCode());
    assertEquals(0, fixtures.auditEntries("codes-generate", "event:" + event));
  }

  private static void assertRefused(String body, String message) {
    HttpResponse<String> refused = admin.send("POST", "/api/admin/events", body);
    assertEquals(400, refused.statusCode(), body);
    assertEquals(message, error(refused));
  }

  /** A valid event starting now for an hour, changed by {@code change}. */
  private static String event(String title, Consumer<JsonObjectBuilder> change) {
    JsonObjectBuilder event =
        Json.createObjectBuilder()
            .add("title", title)
            .add("startsAt", STARTS.toString())
            .add("endsAt", STARTS.plusSeconds(3600).toString());
    change.accept(event);
    return event.build().toString();
  }

  private static String created(HttpResponse<String> response) {
    assertEquals(201, response.statusCode(), response.body());
    return response.body();
  }

  private static JsonObject data(String body) {
    return JsonBodies.parse(body).getJsonObject("data");
  }

  private static String error(HttpResponse<String> response) {
    assertNull(JsonBodies.parse(response.body()).get("data"));
    return JsonBodies.parse(response.body()).getString("error");
  }
}

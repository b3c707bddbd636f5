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
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
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

  @Test
  void theListFiltersByStateTimeAndTitleAndPagesInOrder() throws Exception {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String future = createdId(title(tag, "b-future"), now.plusSeconds(7200));
    String live = createdId(title(tag, "a-live"), now.minusSeconds(600));
    String past = createdId(title(tag, "c-past"), now.minusSeconds(86_400));
    String inactive = createdId(title(tag, "d-inactive"), now.plusSeconds(3600));
    String archived = createdId(title(tag, "e-archived"), now.plusSeconds(3600));
    ok(admin.deactivate(inactive));
    ok(admin.send("PATCH", "/api/admin/events/" + archived + "/archive", null));
    String search = "&search=" + tag;

    assertEquals(
        java.util.List.of(future, live, past), ids("?sort=startDate" + search), "default: active");
    assertEquals(java.util.List.of(past, live, future), ids("?order=asc" + search));
    assertEquals(java.util.List.of(future, live), ids("?timeframe=upcoming" + search));
    assertEquals(java.util.List.of(past), ids("?timeframe=past" + search));
    assertEquals(java.util.List.of(inactive), ids("?status=inactive" + search));
    assertEquals(java.util.List.of(archived), ids("?status=archived" + search));
    assertEquals(
        java.util.List.of(live, future, past, inactive, archived),
        ids("?status=all&sort=title&order=asc" + search));
    admin.send("POST", "/api/admin/events/" + past + "/tokens/generate", "{\"count\": 3}");
    assertEquals(past, ids("?sort=tokenCount" + search).get(0));

    JsonObject page2 =
        admin.get("/api/admin/events?status=all&limit=2&page=2&sort=title&order=asc" + search);
    assertEquals(5, page2.getJsonObject("pagination").getInt("total"));
    assertEquals(3, page2.getJsonObject("pagination").getInt("totalPages"));
    assertEquals(
        java.util.List.of(past, inactive),
        page2.getJsonArray("data").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("id"))
            .toList());
    assertEquals(3, page2.getJsonArray("data").getJsonObject(0).getInt("tokenCount"));

    HttpResponse<String> bad = admin.send("GET", "/api/admin/events?status=old", null);
    assertEquals(400, bad.statusCode());
    assertEquals(
        "Query parameter status must be one of active, inactive, archived, current, all.",
        error(bad));
    ok(admin.send("PATCH", "/api/admin/events/" + archived + "/unarchive", null));
    assertEquals(
        java.util.List.of(archived), ids("?status=active&search=" + tag + "%20e-archived"));
  }

  @Test
  void anEditIsSavedOnceAndAStaleOneIsRefused() throws Exception {
    JsonObject created =
        data(
            created(
                admin.send(
                    "POST", "/api/admin/events", event("Edited " + UUID.randomUUID(), b -> {}))));
    String id = created.getString("id");
    long version = created.getJsonNumber("version").longValue();
    JsonArray codes =
        JsonBodies.parse(
                created(
                    admin.send(
                        "POST", "/api/admin/events/" + id + "/tokens/generate", "{\"count\": 2}")))
            .getJsonArray("data");

    String edit =
        event(
            "Edited title",
            b ->
                b.add("accessWindowHours", 2)
                    .add("description", "Now with words")
                    .add("version", version));
    JsonObject saved = data(ok(admin.send("PUT", "/api/admin/events/" + id, edit)));
    assertEquals("Edited title", saved.getString("title"));
    assertEquals("Now with words", saved.getString("description"));
    assertEquals(2, saved.getInt("accessWindowHours"));
    assertEquals(version + 1, saved.getJsonNumber("version").longValue());
    assertEquals(
        STARTS.plusSeconds(3600 + 2 * 3600).toString(),
        admin
            .get("/api/admin/events/" + id + "/tokens")
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("expiresAt"),
        "codes expire with the new access window");
    assertEquals(2, codes.size());

    HttpResponse<String> stale =
        admin.send(
            "PUT", "/api/admin/events/" + id, event("Lost update", b -> b.add("version", version)));
    assertEquals(409, stale.statusCode());
    assertEquals(
        "This event was changed by someone else since you opened it. Reload it and make your"
            + " change again.",
        error(stale));
    HttpResponse<String> invalid = admin.send("PUT", "/api/admin/events/" + id, event("", b -> {}));
    assertEquals(400, invalid.statusCode());
    assertEquals(
        "Edited title",
        data(ok(admin.send("GET", "/api/admin/events/" + id, null))).getString("title"));
    assertEquals(1, fixtures.auditEntries("event-update", "event:" + id));
  }

  @Test
  void aNewEventIsUnlistedUntilSaidAndAReplaceThatLeavesListedOutKeepsIt() throws Exception {
    String id = createdId("Quiet " + UUID.randomUUID(), STARTS);
    String path = "/api/admin/events/" + id;
    assertEquals(false, data(ok(admin.send("GET", path, null))).getBoolean("listed"));

    JsonObject listed =
        data(ok(admin.send("PUT", path, event("Now listed", b -> b.add("listed", true)))));
    assertEquals(true, listed.getBoolean("listed"));
    JsonObject renamed = data(ok(admin.send("PUT", path, event("Renamed", b -> {}))));
    assertEquals(true, renamed.getBoolean("listed"), "left out: as it was");
    assertEquals("Renamed", renamed.getString("title"));

    HttpResponse<String> wrongType =
        admin.send("PUT", path, event("Renamed again", b -> b.add("listed", "yes")));
    assertEquals(400, wrongType.statusCode(), wrongType.body());
    assertEquals("Field listed must be true or false.", error(wrongType));
    assertEquals("Renamed", data(ok(admin.send("GET", path, null))).getString("title"));
    assertEquals(
        false,
        data(ok(admin.send("PUT", path, event("Renamed", b -> b.add("listed", false)))))
            .getBoolean("listed"));

    JsonObject listedAtOnce =
        data(
            created(
                admin.send(
                    "POST",
                    "/api/admin/events",
                    event("Open " + UUID.randomUUID(), b -> b.add("listed", true)))));
    assertEquals(true, listedAtOnce.getBoolean("listed"));
  }

  @Test
  void embeddingSitesAreOriginsKeptCanonicalAndAReplaceThatLeavesThemOutKeepsThem()
      throws Exception {
    String id = createdId("Framed " + UUID.randomUUID(), STARTS);
    String path = "/api/admin/events/" + id;
    assertEquals(0, data(ok(admin.send("GET", path, null))).getJsonArray("embedOrigins").size());

    JsonObject saved =
        data(
            ok(
                admin.send(
                    "PUT",
                    path,
                    event(
                        "Framed",
                        b ->
                            b.add(
                                "embedOrigins",
                                Json.createArrayBuilder()
                                    .add("HTTPS://Shop.Example.org/")
                                    .add("https://shop.example.org:443")
                                    .add("http://127.0.0.1:8081"))))));
    assertEquals(
        java.util.List.of("https://shop.example.org", "http://127.0.0.1:8081"),
        saved.getJsonArray("embedOrigins").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(
        saved.getJsonArray("embedOrigins"),
        data(ok(admin.send("PUT", path, event("Framed again", b -> {}))))
            .getJsonArray("embedOrigins"),
        "left out: as they were");

    for (String bad :
        java.util.List.of(
            "\"https://shop.example.org\"",
            "[\"https://shop.example.org/tickets\"]",
            "[\"https://shop.example.org; script-src *\"]",
            "[\"https://*.example.org\"]",
            "[12]")) {
      HttpResponse<String> refused =
          admin.send(
              "PUT",
              path,
              event("Refused", b -> {}).replaceFirst("\\{", "{\"embedOrigins\":" + bad + ","));
      assertEquals(400, refused.statusCode(), bad + " " + refused.body());
    }
    assertEquals(
        "Embedding sites must be origins such as https://www.example.org (http or https, a host"
            + " name or IPv4 address and an optional port, nothing after it): https://shop.example.org/tickets.",
        error(
            admin.send(
                "PUT",
                path,
                event(
                    "Refused",
                    b ->
                        b.add(
                            "embedOrigins",
                            Json.createArrayBuilder().add("https://shop.example.org/tickets"))))));
    JsonObject after = data(ok(admin.send("GET", path, null)));
    assertEquals("Framed again", after.getString("title"), "nothing changed by the refusals");
    assertEquals(saved.getJsonArray("embedOrigins"), after.getJsonArray("embedOrigins"));
    assertEquals(
        0,
        data(ok(
                admin.send(
                    "PUT",
                    path,
                    event("Framed again", b -> b.add("embedOrigins", Json.createArrayBuilder())))))
            .getJsonArray("embedOrigins")
            .size(),
        "an empty list: no site");
  }

  @Test
  void deletingNeedsTheExactTitleAndTakesTheCodesAlong() throws Exception {
    String title = "Doomed " + UUID.randomUUID();
    String id =
        data(created(admin.send("POST", "/api/admin/events", event(title, b -> {}))))
            .getString("id");
    String code =
        JsonBodies.parse(
                created(
                    admin.send("POST", "/api/admin/events/" + id + "/tokens", "{\"count\": 1}")))
            .getJsonArray("data")
            .getJsonObject(0)
            .getString("code");
    String path = "/api/admin/events/" + id;
    String refusal = "To delete an event, confirm it with its exact title in X-Confirm-Delete.";
    HttpResponse<String> unconfirmed = admin.send("DELETE", path, null);
    assertEquals(400, unconfirmed.statusCode());
    assertEquals(refusal, error(unconfirmed));
    HttpResponse<String> wrong =
        admin.send("DELETE", path, null, java.util.Map.of("X-Confirm-Delete", title.toUpperCase()));
    assertEquals(400, wrong.statusCode());
    assertEquals(200, admin.send("GET", path, null).statusCode(), "still there");

    assertEquals(
        204,
        admin.send("DELETE", path, null, java.util.Map.of("X-Confirm-Delete", title)).statusCode());
    assertEquals(404, admin.send("GET", path, null).statusCode());
    assertEquals(401, new ViewerApi(streamGate).redeem(code).statusCode(), "the code is gone");
    assertEquals(1, fixtures.auditEntries("event-delete", "event:" + id));
    assertEquals(
        1, fixtures.auditEntries("event-deactivated", "event:" + id), "media servers told");
  }

  private static String title(String tag, String name) {
    return "List " + tag + " " + name;
  }

  private static String createdId(String title, Instant starts) {
    return data(created(
            admin.send(
                "POST",
                "/api/admin/events",
                Json.createObjectBuilder()
                    .add("title", title)
                    .add("startsAt", starts.toString())
                    .add("endsAt", starts.plusSeconds(3600).toString())
                    .build()
                    .toString())))
        .getString("id");
  }

  private static java.util.List<String> ids(String query) {
    return admin
        .get("/api/admin/events" + query)
        .getJsonArray("data")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(event -> event.getString("id"))
        .toList();
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

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API's code lists, export and bulk revocation on the shared instance. */
@ExtendWith(StreamGateExtension.class)
class AdminCodesIT {

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
  void listsFilterByEventStatusAndTheStartOfACodeOrLabel() throws Exception {
    String event = eventWithEveryStatus();
    String path = "/api/admin/events/" + event + "/tokens";
    JsonObject all = admin.get(path);
    assertEquals(6, all.getJsonObject("pagination").getInt("total"));
    assertTrue(all.getJsonObject("pagination").getBoolean("totalIsExact"));
    assertEquals(Map.of("unused", 3, "redeemed", 1, "expired", 1, "revoked", 1), statuses(all));
    for (String status : List.of("unused", "redeemed", "expired", "revoked")) {
      JsonObject filtered = admin.get(path + "?status=" + status);
      assertEquals(Map.of(status, statuses(all).get(status)), statuses(filtered), status);
    }
    assertEquals(statuses(all), statuses(admin.get("/api/admin/tokens?eventId=" + event)));

    JsonObject first = all.getJsonArray("data").getJsonObject(0);
    String code = first.getString("code");
    assertTrue(first.getString("eventTitle").startsWith("Test event "));
    String typedPart = (code.substring(0, 4) + "-" + code.substring(4, 6)).toLowerCase();
    JsonObject found = admin.get(path + "?search=" + typedPart);
    assertTrue(codes(found).contains(code), typedPart + " finds " + code);
    assertEquals(3, admin.get(path + "?search=" + enc("ROW A")).getJsonArray("data").size());
    assertEquals(0, admin.get(path + "?search=" + enc("%")).getJsonArray("data").size());

    JsonObject page1 = admin.get(path + "?limit=4");
    JsonObject page2 = admin.get(path + "?limit=4&page=2");
    assertEquals(2, page1.getJsonObject("pagination").getInt("totalPages"));
    assertEquals(4, page1.getJsonArray("data").size());
    assertEquals(2, page2.getJsonArray("data").size());
    Set<String> both = new HashSet<>(codes(page1));
    both.addAll(codes(page2));
    assertEquals(6, both.size(), "pages do not overlap");

    assertRefused(
        admin.send("GET", path + "?status=used", null),
        400,
        "Query parameter status must be one of unused, redeemed, expired, revoked.");
    assertRefused(admin.send("GET", path + "?limit=500", null), 400, "Limit must be at most 200.");
    assertRefused(
        admin.send("GET", path + "?page=two", null),
        400,
        "Query parameter page must be a whole number.");
    assertRefused(admin.send("GET", path + "?page=0", null), 400, "Page must be 1 or more.");
    assertRefused(
        admin.send("GET", "/api/admin/tokens?eventId=nothing", null), 404, "Event not found");
  }

  @Test
  void theCsvExportHasEveryCodeWithItsStatusAndDisarmsFormulas() throws Exception {
    String event = eventWithEveryStatus();
    String title = "Gala, \"Night\" " + UUID.randomUUID().toString().substring(0, 4);
    fixtures.retitle(event, title);
    String formula = fixtures.code(event);
    fixtures.label(formula, "=HYPERLINK(\"http://evil.example\")");

    HttpResponse<String> export =
        admin.send("GET", "/api/admin/events/" + event + "/tokens/export", null);
    assertEquals(200, export.statusCode());
    assertEquals("text/csv;charset=UTF-8", export.headers().firstValue("Content-Type").orElse(""));
    String disposition = export.headers().firstValue("Content-Disposition").orElse("");
    assertTrue(disposition.startsWith("attachment; filename=\"tokens-Gala-Night-"), disposition);

    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(export.body()))
            .getRecords();
    assertEquals(7, rows.size());
    assertEquals(
        List.of("Code", "Event Title", "Expires At", "Label", "Status"),
        rows.get(0).getParser().getHeaderNames());
    Map<String, String> listed = new HashMap<>();
    admin
        .get("/api/admin/events/" + event + "/tokens")
        .getJsonArray("data")
        .getValuesAs(JsonObject.class)
        .forEach(token -> listed.put(token.getString("code"), token.getString("status")));
    for (CSVRecord row : rows) {
      assertEquals(listed.get(row.get("Code")), row.get("Status"), row.toString());
      assertEquals(title, row.get("Event Title"));
      Instant.parse(row.get("Expires At"));
    }
    CSVRecord disarmed =
        rows.stream().filter(row -> row.get("Code").equals(formula)).findFirst().orElseThrow();
    assertEquals("'=HYPERLINK(\"http://evil.example\")", disarmed.get("Label"));
    assertRefused(
        admin.send("GET", "/api/admin/events/nothing/tokens/export", null), 404, "Event not found");
  }

  @Test
  void bulkRevocationIsAllOrNothing() throws Exception {
    String event = fixtures.liveEvent();
    List<String> codes = List.of(fixtures.code(event), fixtures.code(event), fixtures.code(event));
    List<String> ids = codes.stream().map(this::idOf).toList();
    String withUnknown = idsJson(List.of(ids.get(0), ids.get(1), UUID.randomUUID().toString()));

    assertRefused(
        admin.send("POST", "/api/admin/tokens/bulk-revoke", withUnknown),
        404,
        "Access code not found");
    assertEquals(3, statuses(admin.get("/api/admin/events/" + event + "/tokens")).get("unused"));

    JsonObject revoked =
        admin.json(200, admin.send("POST", "/api/admin/tokens/bulk-revoke", idsJson(ids)));
    assertEquals(3, revoked.getJsonObject("data").getInt("count"));
    assertEquals(
        Map.of("revoked", 3), statuses(admin.get("/api/admin/events/" + event + "/tokens")));
    assertEquals(403, new ViewerApi(streamGate).redeem(codes.get(2)).statusCode());
    assertEquals(
        0,
        admin
            .json(200, admin.send("POST", "/api/admin/tokens/bulk-revoke", idsJson(ids)))
            .getJsonObject("data")
            .getInt("count"),
        "already revoked");

    assertRefused(
        admin.send("POST", "/api/admin/tokens/bulk-revoke", "{\"tokenIds\": []}"),
        400,
        "Field tokenIds must hold 1 to 1000 ids.");
    assertRefused(
        admin.send("POST", "/api/admin/tokens/bulk-revoke", "{\"tokenIds\": \"all\"}"),
        400,
        "Field tokenIds must be a list of code ids.");
  }

  @Test
  void anExpiredCodeCannotBeUnrevoked() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event, Instant.now().minus(Duration.ofMinutes(1)), true);
    assertRefused(
        admin.unrevoke(idOf(code)),
        400,
        "This code has expired; only codes that have not can be restored.");
    assertEquals(
        Map.of("revoked", 1), statuses(admin.get("/api/admin/events/" + event + "/tokens")));
  }

  /** Three unused codes labelled "Row A", one redeemed, one expired, one revoked. */
  private static String eventWithEveryStatus() throws Exception {
    String event = fixtures.liveEvent();
    for (int i = 0; i < 3; i++) {
      fixtures.label(fixtures.code(event), "Row A");
    }
    assertEquals(200, new ViewerApi(streamGate).redeem(fixtures.code(event)).statusCode());
    fixtures.code(event, Instant.now().minus(Duration.ofMinutes(1)), false);
    fixtures.code(event, Instant.now().plus(Duration.ofDays(1)), true);
    return event;
  }

  private String idOf(String code) {
    try {
      return fixtures.codeId(code);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Integer> statuses(JsonObject page) {
    Map<String, Integer> counts = new HashMap<>();
    page.getJsonArray("data")
        .getValuesAs(JsonObject.class)
        .forEach(token -> counts.merge(token.getString("status"), 1, Integer::sum));
    return counts;
  }

  private static List<String> codes(JsonObject page) {
    return page.getJsonArray("data").getValuesAs(JsonObject.class).stream()
        .map(token -> token.getString("code"))
        .toList();
  }

  private static String idsJson(List<String> ids) {
    var array = jakarta.json.Json.createArrayBuilder();
    ids.forEach(array::add);
    return jakarta.json.Json.createObjectBuilder().add("tokenIds", array).build().toString();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static void assertRefused(HttpResponse<String> response, int status, String message) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(message, JsonBodies.parse(response.body()).getString("error"));
  }
}

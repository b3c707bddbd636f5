package io.streamgate.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.analytics.control.ViewingRecords;
import io.streamgate.platform.events.control.EventCatalog;
import io.streamgate.platform.persistence.control.SchemaMigrations;
import io.streamgate.platform.persistence.control.StreamGateDataSource;
import io.streamgate.platform.revocation.control.Revocations;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, with the real WAR (one Payara Micro boot for all of these): the data source
 * from DATABASE_URL, the migrations run at startup, JPA through EclipseLink and CDI together; the
 * portal's event list; revocations and restorations reaching the feed media servers poll.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformInContainerIT {

  private static final String INTERNAL_KEY = "arquillian-internal-api-key";
  private static final String ADMIN = "admin-in-test";
  private static final String ALPHABET = AccessCodeCodec.ALPHABET;

  @Deployment
  static WebArchive platform() {
    return ShrinkWrap.create(ZipImporter.class, "platform.war")
        .importFrom(new File("target/platform.war"))
        .as(WebArchive.class)
        .addClass(PlatformInContainerIT.class);
  }

  @Inject EventCatalog catalog;

  @Inject SchemaMigrations migrations;

  @Inject Revocations revocations;

  @Inject ViewingRecords viewingRecords;

  @Resource(lookup = StreamGateDataSource.JNDI_NAME)
  DataSource dataSource;

  @ArquillianResource URL base;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void migrationsRanAtStartup() {
    assertEquals("14", migrations.schemaVersion());
  }

  @Test
  void portalListsActiveEventsWhoseAccessWindowIsOpenInStartOrder() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String later = "Later " + UUID.randomUUID();
    String sooner = "Sooner " + UUID.randomUUID();
    String over = "Over " + UUID.randomUUID();
    String archived = "Archived " + UUID.randomUUID();
    insertEvent(later, now.plusDays(2), now.plusDays(3), 48, false, true);
    insertEvent(sooner, now.minusHours(1), now.plusHours(1), 48, false, true);
    insertEvent(over, now.minusDays(5), now.minusDays(4), 1, false, true);
    insertEvent(archived, now.plusDays(1), now.plusDays(2), 48, true, true);
    String unlisted = "Unlisted " + UUID.randomUUID();
    insertEvent(unlisted, now.minusHours(1), now.plusHours(1), 48, false, false);

    var titles =
        catalog.upcomingAndCurrent().stream().map(EventCatalog.EventTeaser::title).toList();

    assertTrue(titles.indexOf(sooner) >= 0 && titles.indexOf(sooner) < titles.indexOf(later));
    assertTrue(!titles.contains(over), "the access window of a past event has closed");
    assertTrue(!titles.contains(archived), "archived events are hidden");
    assertTrue(!titles.contains(unlisted), "unlisted events are reached by code or link only");
  }

  @Test
  void theFeedCarriesRevocationsThenTheirRestorations() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String event = insertEvent("Feed " + UUID.randomUUID(), now, now.plusHours(2), 48, false, true);
    String other =
        insertEvent("Other " + UUID.randomUUID(), now, now.plusHours(2), 48, false, true);
    String code = insertCode(event);
    String otherCode = insertCode(other);
    String since = feed("1970-01-01T00:00:00Z").getString("serverTime");

    assertTrue(revocations.revokeCode(code, ADMIN, "127.0.0.1"));
    assertFalse(revocations.revokeCode(code, ADMIN, "127.0.0.1"), "already revoked");
    assertTrue(revocations.deactivateEvent(other, ADMIN, "127.0.0.1"));

    JsonObject revoked = feed(since);
    assertEquals(List.of(codeIds.get(code)), codes(revoked, "revocations"), "by id, not code");
    assertEquals(List.of(), codes(revoked, "restorations"));
    JsonObject deactivation = only(revoked, "eventDeactivations");
    assertEquals(other, deactivation.getString("eventId"));
    assertFalse(deactivation.containsKey("tokenCodes"), "no list of the event's codes");
    assertFalse(revoked.toString().contains(code) || revoked.toString().contains(otherCode));
    assertTrue(
        OffsetDateTime.parse(revoked.getString("serverTime")).isBefore(OffsetDateTime.now()),
        "the next poll starts before this one, so it cannot skip a late commit");

    assertTrue(revocations.restoreCode(code, ADMIN, "127.0.0.1"));
    assertTrue(revocations.reactivateEvent(other, ADMIN, "127.0.0.1"));

    JsonObject restored = feed(since);
    assertEquals(List.of(), codes(restored, "revocations"), "the latest change of a code counts");
    assertEquals(List.of(codeIds.get(code)), codes(restored, "restorations"));
    assertEquals(0, restored.getJsonArray("eventDeactivations").size());
    assertEquals(other, only(restored, "eventReactivations").getString("eventId"));
  }

  @Test
  void viewingRecordsLoseTheirPersonalDetailsAfterTheRetentionPeriodAndKeepTheirFigures()
      throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String event =
        insertEvent("Retained " + UUID.randomUUID(), now, now.plusHours(2), 48, false, true);
    String old = insertViewingRecord(event, now.minusDays(31));
    String recent = insertViewingRecord(event, now.minusDays(29));

    assertTrue(viewingRecords.purge() >= 1);

    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT client_ip, user_agent, device_key, startup_ms FROM viewing_record"
                    + " WHERE session_id = ?")) {
      select.setString(1, old);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertNull(row.getString(1), "the address is gone after 30 days (the default)");
        assertNull(row.getString(2), "and the user agent");
        assertEquals("d".repeat(32), row.getString(3), "the device key stays for unique devices");
        assertEquals(700, row.getInt(4), "the figures stay");
      }
      select.setString(1, recent);
      try (ResultSet row = select.executeQuery()) {
        assertTrue(row.next());
        assertEquals("203.0.113.9", row.getString(1), "within the period the details stay");
      }
    }
  }

  private String insertViewingRecord(String eventId, OffsetDateTime started) throws SQLException {
    String sessionId = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO viewing_record (session_id, event_id, device_key, browser, client_ip,"
                    + " user_agent, started_at, last_seen_at, startup_ms, personal_since)"
                    + " VALUES (?, ?, ?, 'Chrome', '203.0.113.9', 'Mozilla/5.0', ?, ?, 700, ?)")) {
      insert.setString(1, sessionId);
      insert.setString(2, eventId);
      insert.setString(3, "d".repeat(32));
      insert.setObject(4, started);
      insert.setObject(5, started.plusHours(1));
      insert.setObject(6, started);
      insert.executeUpdate();
    }
    return sessionId;
  }

  @Test
  void theFeedNeedsTheInternalKeyAndATime() throws Exception {
    assertEquals(401, get("/api/revocations?since=2026-01-01T00:00:00Z", null).statusCode());
    assertEquals(
        401, get("/api/revocations?since=2026-01-01T00:00:00Z", INTERNAL_KEY + "x").statusCode());
    HttpResponse<String> noTime = get("/api/revocations", INTERNAL_KEY);
    assertEquals(400, noTime.statusCode());
    assertTrue(noTime.body().contains("since"), noTime.body());
    assertEquals(400, get("/api/revocations?since=yesterday", INTERNAL_KEY).statusCode());
  }

  private JsonObject feed(String since) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/revocations?since=" + since, INTERNAL_KEY);
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private HttpResponse<String> get(String path, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base.toString()).resolve(path.substring(1)));
    if (key != null) {
      request.header("X-Internal-Api-Key", key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject only(JsonObject feed, String list) {
    assertEquals(1, feed.getJsonArray(list).size(), feed.toString());
    return feed.getJsonArray(list).getJsonObject(0);
  }

  private static List<String> codes(JsonObject feed, String list) {
    return feed.getJsonArray(list).getValuesAs(JsonObject.class).stream()
        .map(entry -> entry.getString("codeId"))
        .toList();
  }

  /** The id of each code inserted, by code. */
  private final java.util.Map<String, String> codeIds = new java.util.HashMap<>();

  private String insertCode(String eventId) throws SQLException {
    StringBuilder code = new StringBuilder();
    java.util.Random random = new java.security.SecureRandom();
    for (int i = 0; i < 12; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO access_code (id, code, event_id, expires_at, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
      String id = UUID.randomUUID().toString();
      codeIds.put(code.toString(), id);
      insert.setString(1, id);
      insert.setString(2, code.toString());
      insert.setString(3, eventId);
      insert.setObject(4, now.plusDays(3));
      insert.setObject(5, now);
      insert.executeUpdate();
    }
    return code.toString();
  }

  private String insertEvent(
      String title,
      OffsetDateTime start,
      OffsetDateTime end,
      int windowHours,
      boolean archived,
      boolean listed)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO event (id, title, starts_at, ends_at, access_window_hours, archived,"
                    + " listed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, title);
      insert.setObject(3, start);
      insert.setObject(4, end);
      insert.setInt(5, windowHours);
      insert.setBoolean(6, archived);
      insert.setBoolean(7, listed);
      insert.setObject(8, start);
      insert.setObject(9, start);
      insert.executeUpdate();
    }
    return id;
  }
}

package io.streamgate.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The migrations build the same working schema on H2 (the embedded default) and on PostgreSQL
 * (production), from empty, and hold the constraints the application relies on. PostgreSQL comes
 * from {@code streamgate.postgres.url}; when it cannot be reached the PostgreSQL case is skipped
 * loudly, or fails when {@code streamgate.require.postgres} is true (CI).
 */
class SchemaMigrationsIT {

  private static final List<String> TABLES =
      List.of(
          "event",
          "access_code",
          "viewer_session",
          "audit_entry",
          "signing_key",
          "admin_user",
          "access_change");

  @Test
  void migratesAnEmptyH2Database() throws SQLException {
    String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
      Flyway flyway =
          Flyway.configure()
              .locations(SchemaMigrations.locations(DatabaseUrl.Kind.H2))
              .dataSource(url, "sa", "")
              .load();
      assertEquals(14, flyway.migrate().migrationsExecuted);
      assertEquals(0, flyway.migrate().migrationsExecuted, "a second run changes nothing");
      assertSchemaWorks(keepAlive);
    }
  }

  @Test
  void usersWhoCouldDoEverythingBeforeRolesKeepDoingSo() throws SQLException {
    String url = "jdbc:h2:mem:roles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
      migrateH2(url, "2");
      insertUser(keepAlive, "founder", "ADMIN");
      insertUser(keepAlive, "watcher", "OPERATOR");
      migrateH2(url, "latest");
      try (Statement statement = keepAlive.createStatement()) {
        var rows =
            statement.executeQuery("SELECT username, role FROM admin_user ORDER BY username");
        rows.next();
        assertEquals("SUPER_ADMIN", rows.getString(2), rows.getString(1));
        rows.next();
        assertEquals("OPERATOR", rows.getString(2), rows.getString(1));
      }
      assertThrows(
          SQLException.class, () -> insertUser(keepAlive, "root", "ROOT"), "roles are known ones");
    }
  }

  @Test
  void eventsOfEarlierVersionsPlayTheirMasterPlaylist() throws SQLException {
    String url = "jdbc:h2:mem:entry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
      migrateH2(url, "7");
      OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC);
      insertEvent(keepAlive, "before-v8", start, start.plusHours(2));
      migrateH2(url, "latest");
      try (Statement statement = keepAlive.createStatement()) {
        var rows =
            statement.executeQuery("SELECT entry_playlist FROM event WHERE id = 'before-v8'");
        rows.next();
        assertEquals("master.m3u8", rows.getString(1));
      }
    }
  }

  @Test
  void retiredSigningKeysLoseTheirPrivateHalf() throws SQLException {
    String url = "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
      migrateH2(url, "3");
      try (Statement statement = keepAlive.createStatement()) {
        statement.executeUpdate(
            "INSERT INTO signing_key (kid, public_jwk, private_jwk, created_at, retired_at) VALUES"
                + " ('old', '{}', '{\"d\":\"x\"}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('new', '{}', '{\"d\":\"y\"}', CURRENT_TIMESTAMP, NULL)");
      }
      migrateH2(url, "latest");
      try (Statement statement = keepAlive.createStatement()) {
        var rows = statement.executeQuery("SELECT kid, private_jwk FROM signing_key ORDER BY kid");
        rows.next();
        assertEquals("new", rows.getString(1));
        assertEquals("{\"d\":\"y\"}", rows.getString(2), "active keys keep theirs");
        rows.next();
        assertEquals("old", rows.getString(1));
        assertEquals(null, rows.getString(2), "retired keys keep only the public half");
      }
    }
  }

  private static void insertUser(Connection connection, String username, String role)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO admin_user (id, username, password_hash, role, created_at)"
                + " VALUES (?, ?, 'x', ?, CURRENT_TIMESTAMP)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, username);
      insert.setString(3, role);
      insert.executeUpdate();
    }
  }

  @Test
  void theLogOfAccessChangesKeepsItsCodesByIdAndNoRawCode() throws SQLException {
    String url = "jdbc:h2:mem:code-ids-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
      migrateH2(url, "3");
      OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC);
      String eventId = UUID.randomUUID().toString();
      insertEvent(keepAlive, eventId, start, start.plusHours(2));
      String codeId = insertCode(keepAlive, eventId, "ABCD2345WXYZ", start.plusHours(50));
      insertChange(keepAlive, "code", 1, "CODE_REVOKED", eventId, "ABCD2345WXYZ", start);
      insertChange(keepAlive, "code", 2, "CODE_RESTORED", eventId, "ZZZZ2345WXYZ", start);
      insertChange(keepAlive, "code", 3, "EVENT_DEACTIVATED", eventId, null, start);

      migrateH2(url, "latest");

      try (Statement statement = keepAlive.createStatement()) {
        var rows = statement.executeQuery("SELECT * FROM access_change ORDER BY id");
        var columns = rows.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          assertNotEquals("CODE", columns.getColumnName(i).toUpperCase(), "no raw code column");
        }
        rows.next();
        assertEquals(codeId, rows.getString("code_id"), "an existing code gets its id");
        rows.next();
        assertEquals(3, rows.getLong("id"), "a change of a code that is gone is dropped");
        assertEquals(null, rows.getString("code_id"));
        assertEquals(false, rows.next());
      }
    }
  }

  @Test
  void migratesAnEmptyPostgresqlSchema() throws SQLException {
    String url = System.getProperty("streamgate.postgres.url", "jdbc:postgresql://127.0.0.1/test");
    String schema = "sg_migrations_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection admin = postgres(url)) {
      try {
        Flyway flyway =
            Flyway.configure()
                .locations(SchemaMigrations.locations(DatabaseUrl.Kind.POSTGRESQL))
                .dataSource(url, "postgres", "")
                .schemas(schema)
                .createSchemas(true)
                .load();
        assertEquals(15, flyway.migrate().migrationsExecuted, "V3.1 is PostgreSQL's own");
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second run changes nothing");
        try (Statement statement = admin.createStatement()) {
          statement.execute("SET search_path TO " + schema);
        }
        assertSchemaWorks(admin);
      } finally {
        try (Statement statement = admin.createStatement()) {
          statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
    }
  }

  private static Connection postgres(String url) throws SQLException {
    try {
      return DriverManager.getConnection(url, "postgres", "");
    } catch (SQLException e) {
      if (Boolean.getBoolean("streamgate.require.postgres")) {
        throw new AssertionError("PostgreSQL is required but cannot be reached at " + url, e);
      }
      System.err.println(
          "\n*** SKIPPED: PostgreSQL migration test, no PostgreSQL at " + url + " ***\n");
      Assumptions.abort("no PostgreSQL at " + url);
      throw e;
    }
  }

  private static void assertSchemaWorks(Connection connection) throws SQLException {
    for (String table : TABLES) {
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT COUNT(*) FROM " + table).close();
      }
    }
    OffsetDateTime start = OffsetDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneOffset.UTC);
    String eventId = UUID.randomUUID().toString();
    insertEvent(connection, eventId, start, start.plusHours(2));
    String codeId = insertCode(connection, eventId, "ABCD2345WXYZ", start.plusHours(50));

    assertThrows(
        SQLException.class,
        () -> insertCode(connection, eventId, "ABCD2345WXYZ", start),
        "codes are unique");
    assertThrows(
        SQLException.class,
        () -> insertEvent(connection, UUID.randomUUID().toString(), start, start),
        "an event starts before it ends");
    assertThrows(
        SQLException.class,
        () -> insertChange(connection, 1, "CODE_REVOKED", eventId, null, start),
        "a change of a code names the code");
    assertThrows(
        SQLException.class,
        () -> insertSessionEnded(connection, 4, null, start),
        "an ended session names the session");
    insertChange(connection, 2, "EVENT_DEACTIVATED", eventId, null, start);
    insertChange(connection, 3, "CODE_REVOKED", eventId, codeId, start);
    insertSessionEnded(connection, 5, UUID.randomUUID().toString(), start);

    try (PreparedStatement select =
        connection.prepareStatement("SELECT expires_at FROM access_code WHERE code = ?")) {
      select.setString(1, "ABCD2345WXYZ");
      var rows = select.executeQuery();
      rows.next();
      assertEquals(
          start.plusHours(50).toInstant(),
          rows.getObject(1, OffsetDateTime.class).toInstant(),
          "instants survive the round trip in UTC");
    }
  }

  /** Migrates the H2 database at {@code url} up to {@code target} ("latest" for all). */
  private static void migrateH2(String url, String target) {
    Flyway.configure()
        .locations(SchemaMigrations.locations(DatabaseUrl.Kind.H2))
        .dataSource(url, "sa", "")
        .target(target)
        .load()
        .migrate();
  }

  private static void insertEvent(
      Connection connection, String id, OffsetDateTime start, OffsetDateTime end)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO event (id, title, starts_at, ends_at, created_at, updated_at)"
                + " VALUES (?, 'Concert', ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setObject(2, start);
      insert.setObject(3, end);
      insert.setObject(4, start);
      insert.setObject(5, start);
      insert.executeUpdate();
    }
  }

  private static String insertCode(
      Connection connection, String eventId, String code, OffsetDateTime expires)
      throws SQLException {
    String id = UUID.randomUUID().toString();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO access_code (id, code, event_id, expires_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, code);
      insert.setString(3, eventId);
      insert.setObject(4, expires);
      insert.setObject(5, expires);
      insert.executeUpdate();
    }
    return id;
  }

  private static void insertChange(
      Connection connection, long id, String kind, String eventId, String codeId, OffsetDateTime at)
      throws SQLException {
    insertChange(connection, "code_id", id, kind, eventId, codeId, at);
  }

  /** A change in the log as versions before 4 wrote it: the raw code in {@code code}. */
  private static void insertChange(
      Connection connection,
      String codeColumn,
      long id,
      String kind,
      String eventId,
      String code,
      OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO access_change (id, changed_at, kind, event_id, "
                + codeColumn
                + ") VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setObject(2, at);
      insert.setString(3, kind);
      insert.setString(4, eventId);
      insert.setString(5, code);
      insert.executeUpdate();
    }
  }

  private static void insertSessionEnded(
      Connection connection, long id, String sessionId, OffsetDateTime at) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO access_change (id, changed_at, kind, session_id)"
                + " VALUES (?, ?, 'SESSION_ENDED', ?)")) {
      insert.setLong(1, id);
      insert.setObject(2, at);
      insert.setString(3, sessionId);
      insert.executeUpdate();
    }
  }
}

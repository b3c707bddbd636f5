package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code ./streamgate migrate} from end to end, with two boots of one data folder: StreamGate on H2
 * makes data of every kind (events, codes, a viewer session and its viewing record, users, signing
 * keys, audit entries, an access change from the sequence), refuses to be copied while it runs, and
 * is stopped; every bad input is refused in one line with nothing changed; a run that crashes
 * half-way is run again; then StreamGate starts on the PostgreSQL copy and the data works. The H2
 * files stay byte for byte as they were throughout.
 */
class MigrateIT {

  private static final String NAME = "migrate";
  private static final Pattern CHECK_LINE =
      Pattern.compile("^([a-z_]+)\\s+(\\d+)\\s+(\\d+)\\s+(ok|MISMATCH)$", Pattern.MULTILINE);

  private final List<String> databases = new ArrayList<>();

  @Test
  void copiesEveryTableRefusesBadInputAndTheCopyRuns() throws Exception {
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve(NAME);
    deleteRecursively(work);
    Path data = work.resolve("data").toAbsolutePath();
    String target = createDatabase();
    String event;
    String unused;
    // The launcher's own H2 URL (an empty setting), as an organiser's installation has it; the
    // tests' usual one adds AUTO_SERVER, with a lock file that a stop can leave behind.
    Map<String, String> onH2 = new java.util.HashMap<>(StreamGateExtension.SHARED_SETTINGS);
    onH2.put("DATABASE_URL", "");
    try {
      try (LaunchedStreamGate h2 = LaunchedStreamGate.start(NAME, onH2)) {
        AdminApi admin = new AdminApi(h2).loggedIn();
        event =
            admin
                .createEvent(
                    AdminApi.eventJson(
                        "Migrated " + UUID.randomUUID(),
                        Instant.now().minus(Duration.ofMinutes(10)),
                        Duration.ofHours(3),
                        null))
                .getString("id");
        List<JsonObject> codes =
            admin
                .json(
                    201,
                    admin.send(
                        "POST",
                        "/api/admin/events/" + event + "/tokens/generate",
                        "{\"count\": 7, \"label\": \"Row Ä\"}"))
                .getJsonArray("data")
                .getValuesAs(JsonObject.class);
        assertEquals(200, new ViewerApi(h2).redeem(codes.get(0).getString("code")).statusCode());
        AdminApi.ok(admin.revoke(codes.get(1).getString("id")));
        admin.json(
            201,
            admin.send(
                "POST",
                "/api/admin/users",
                "{\"username\":\"migrated-operator\",\"password\":\"first-password-1\","
                    + "\"role\":\"operator\"}"));
        unused = codes.get(2).getString("code");

        Run inUse = migrate(data, postgresUrl(target), Map.of());
        assertRefused(inUse, "is in use: stop StreamGate (Ctrl-C) and run migrate again");
      }
      Map<String, String> h2Files = fingerprint(data.resolve("db"));
      Map<String, Long> h2Rows = h2RowCounts(data);
      for (String table :
          List.of(
              "event",
              "access_code",
              "viewer_session",
              "viewing_record",
              "admin_user",
              "signing_key",
              "audit_entry",
              "access_change")) {
        assertTrue(h2Rows.get(table) > 0, table + " has rows to copy: " + h2Rows);
      }

      badInputIsRefusedWithNothingChanged(data, work);

      // A crash after the codes were copied: the target keeps only the marked schema.
      Run crashed =
          migrate(
              data,
              postgresUrl(target),
              Map.of("STREAMGATE_JAVA_OPTS", "-Dstreamgate.migrate.haltAfterTable=access_code"));
      assertEquals(3, crashed.status(), crashed.output());
      assertEquals(0, count(target, "SELECT COUNT(*) FROM access_code"));
      assertEquals(
          1,
          count(
              target,
              "SELECT COUNT(*) FROM pg_class WHERE relname = 'streamgate_migrate_partial'"));

      // StreamGate refuses to start on the partial copy.
      Map<String, String> onPartial = new java.util.HashMap<>(StreamGateExtension.SHARED_SETTINGS);
      onPartial.put("DATABASE_URL", postgresUrl(target));
      onPartial.put("STREAMGATE_ROLE", "platform");
      deleteRecursively(work.resolveSibling(NAME + "-partial"));
      assertThrows(
          IllegalStateException.class,
          () -> {
            try (LaunchedStreamGate started =
                LaunchedStreamGate.start(NAME + "-partial", onPartial)) {
              // It started on part of the data: closed again here, and the test fails.
            }
          });
      assertTrue(
          Files.readString(work.resolveSibling(NAME + "-partial").resolve("launcher.out"))
              .contains(
                  "streamgate: The database holds a copy ./streamgate migrate did not finish"),
          "one line says why");

      // Again, with a JDBC URL this time: it clears the partial copy and copies everything.
      Run migrated =
          migrate(data, "jdbc:postgresql://127.0.0.1:5432/" + target + "?user=postgres", Map.of());
      assertEquals(0, migrated.status(), migrated.output());
      assertTrue(migrated.output().contains("cleared the partial copy"), migrated.output());
      assertTrue(migrated.output().contains("every count and checksum matches"), migrated.output());
      Map<String, long[]> printed = new TreeMap<>();
      Matcher line = CHECK_LINE.matcher(migrated.output());
      while (line.find()) {
        assertEquals("ok", line.group(4), line.group());
        printed.put(
            line.group(1),
            new long[] {Long.parseLong(line.group(2)), Long.parseLong(line.group(3))});
      }
      assertEquals(h2Rows.keySet(), printed.keySet(), migrated.output());
      for (Map.Entry<String, Long> table : h2Rows.entrySet()) {
        String name = table.getKey();
        assertEquals(table.getValue(), printed.get(name)[0], name);
        assertEquals(table.getValue(), printed.get(name)[1], name);
        assertEquals(table.getValue(), count(target, "SELECT COUNT(*) FROM " + name), name);
      }
      assertEquals(
          0,
          count(
              target,
              "SELECT COUNT(*) FROM pg_class WHERE relname = 'streamgate_migrate_partial'"));
      assertEquals(h2Files, fingerprint(data.resolve("db")), "the H2 files are untouched");

      Map<String, String> onPostgres = new java.util.HashMap<>(StreamGateExtension.SHARED_SETTINGS);
      onPostgres.put("DATABASE_URL", postgresUrl(target));
      try (LaunchedStreamGate pg = LaunchedStreamGate.start(NAME, onPostgres)) {
        AdminApi admin = new AdminApi(pg).loggedIn();
        JsonObject copied = admin.get("/api/admin/events/" + event);
        assertEquals(event, copied.getJsonObject("data").getString("id"));
        assertEquals(
            7,
            admin
                .get("/api/admin/events/" + event + "/tokens")
                .getJsonObject("pagination")
                .getInt("total"));
        HttpResponse<String> redeemed = new ViewerApi(pg).redeem(unused);
        assertEquals(200, redeemed.statusCode(), redeemed.body());
        // The next access change takes the id after H2's last one.
        List<JsonObject> codes =
            admin
                .get("/api/admin/events/" + event + "/tokens?status=unused")
                .getJsonArray("data")
                .getValuesAs(JsonObject.class);
        AdminApi.ok(admin.revoke(codes.get(0).getString("id")));
        new AdminApi(pg).loggedIn("migrated-operator", "first-password-1");
      }
      assertEquals(h2Files, fingerprint(data.resolve("db")), "the H2 files are untouched");
    } finally {
      for (String database : databases) {
        Postgres.dropDatabase(database);
      }
    }
  }

  private void badInputIsRefusedWithNothingChanged(Path data, Path work) throws Exception {
    assertRefused(
        migrate(data, "mysql://root@127.0.0.1/streamgate", Map.of()),
        "migrate --to needs a PostgreSQL URL");
    assertRefused(
        migrate(data, "postgresql://%zz@127.0.0.1:5432/x", Map.of()),
        "migrate --to needs postgresql://user:password@host:port/database");
    assertRefused(
        migrate(
            data,
            "postgresql://postgres:secret-pw@127.0.0.1:" + LaunchedStreamGate.freePort() + "/x",
            Map.of()),
        "cannot reach the PostgreSQL database 127.0.0.1:");

    String notEmpty = createDatabase();
    execute(notEmpty, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text VARCHAR(20))");
    execute(notEmpty, "INSERT INTO notes VALUES (1, 'keep me')");
    assertRefused(
        migrate(data, postgresUrl(notEmpty), Map.of()),
        "is not empty (schema public holds notes): migrate copies into an empty database only");
    assertEquals(1, count(notEmpty, "SELECT COUNT(*) FROM notes WHERE text = 'keep me'"));
    assertEquals(1, count(notEmpty, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"));

    String otherVersion = createDatabase();
    execute(
        otherVersion,
        "CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version VARCHAR(50),"
            + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000)"
            + " NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP"
            + " NOT NULL DEFAULT now(), execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
    execute(
        otherVersion,
        "INSERT INTO flyway_schema_history VALUES (1, '9', 'devices', 'SQL', 'V9__devices.sql',"
            + " 1, 'postgres', now(), 1, TRUE)");
    assertRefused(
        migrate(data, postgresUrl(otherVersion), Map.of()),
        "is at schema version 9 and the H2 database at 14");
    assertEquals(
        1, count(otherVersion, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"));

    Path nowhere = Files.createDirectories(work.resolve("no-database"));
    String empty = createDatabase();
    assertRefused(migrate(nowhere, postgresUrl(empty), Map.of()), "there is no H2 database at");
    try (Stream<Path> files = Files.list(nowhere)) {
      assertEquals(0, files.count(), "no H2 database was created");
    }

    // A copy of the H2 database one migration behind this build.
    Path older = work.resolve("older");
    Files.createDirectories(older.resolve("db"));
    Files.copy(data.resolve("db/streamgate.mv.db"), older.resolve("db/streamgate.mv.db"));
    try (Connection h2 =
            DriverManager.getConnection("jdbc:h2:file:" + older.resolve("db/streamgate"));
        Statement statement = h2.createStatement()) {
      statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '14'");
    }
    assertRefused(
        migrate(older, postgresUrl(empty), Map.of()),
        "the H2 database is at schema version 13 but this build's migrations go up to 14");
    assertEquals(
        0,
        count(
            empty,
            "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"));

    // A server whose DATABASE_URL made H2 keep a lock file (AUTO_SERVER, FILE_LOCK=FILE) ended
    // without closing the database and left that file, which no process holds: migrate says so,
    // rather than that StreamGate is running.
    Path crashed = work.resolve("crashed");
    Files.createDirectories(crashed.resolve("db"));
    Files.copy(data.resolve("db/streamgate.mv.db"), crashed.resolve("db/streamgate.mv.db"));
    Files.writeString(
        crashed.resolve("db/streamgate.lock.db"), "#FileLock\nmethod=file\nid=left-by-a-crash\n");
    Map<String, String> before = fingerprint(crashed.resolve("db"));
    assertRefused(
        migrate(crashed, postgresUrl(empty), Map.of()),
        "was not closed cleanly (its lock file is left from a server that ended without closing"
            + " it): start StreamGate once, stop it with Ctrl-C and run migrate again");
    assertEquals(before, fingerprint(crashed.resolve("db")), "the H2 files are unchanged");
  }

  private record Run(int status, String output) {}

  /** Runs {@code ./streamgate migrate --to url} on the data folder; its status and output. */
  private static Run migrate(Path data, String url, Map<String, String> settings)
      throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("streamgate").toString(), "migrate", "--to", url)
            .directory(home.toFile())
            .redirectErrorStream(true);
    builder.environment().put("STREAMGATE_DATA_DIR", data.toString());
    builder.environment().putAll(settings);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "migrate ended");
    return new Run(process.exitValue(), output);
  }

  /** Exit status 2 and one line that says why, without any password. */
  private static void assertRefused(Run run, String reason) {
    assertEquals(2, run.status(), run.output());
    List<String> lines = run.output().lines().toList();
    assertEquals(1, lines.size(), run.output());
    assertTrue(lines.get(0).startsWith("streamgate: "), run.output());
    assertTrue(lines.get(0).contains(reason), run.output());
    assertFalse(run.output().contains("secret-pw"), run.output());
  }

  private String createDatabase() throws SQLException {
    String name = Postgres.createDatabase("sg_migrate_");
    databases.add(name);
    return name;
  }

  private static String postgresUrl(String database) {
    return "postgresql://postgres@" + Postgres.SERVER + "/" + database;
  }

  private static Connection postgres(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + Postgres.SERVER + "/" + database, "postgres", "");
  }

  private static void execute(String database, String sql) throws SQLException {
    try (Connection db = postgres(database);
        Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(String database, String sql) throws SQLException {
    try (Connection db = postgres(database);
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Rows per application table of the stopped H2 database, read without changing it. */
  private static Map<String, Long> h2RowCounts(Path data) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    try (Connection h2 =
            DriverManager.getConnection(
                "jdbc:h2:file:"
                    + data.resolve("db/streamgate")
                    + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0");
        Statement statement = h2.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet names =
          statement.executeQuery(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                  + " AND table_type = 'BASE TABLE'")) {
        while (names.next()) {
          tables.add(names.getString(1));
        }
      }
      for (String table : tables) {
        if (!table.equalsIgnoreCase("flyway_schema_history")) {
          try (ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            count.next();
            rows.put(table.toLowerCase(java.util.Locale.ROOT), count.getLong(1));
          }
        }
      }
    }
    return rows;
  }

  /** Each file of the folder with its SHA-256 and modification time. */
  private static Map<String, String> fingerprint(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.list(folder)) {
      for (Path path : paths.toList()) {
        byte[] hash;
        try {
          hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
        files.put(
            path.getFileName().toString(),
            HexFormat.of().formatHex(hash) + " " + Files.getLastModifiedTime(path));
      }
    }
    assertNotEquals(0, files.size());
    return files;
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform WAR the way its container runs it: Payara Micro with payara-config's HTTP settings
 * before boot and the PostgreSQL pool built from DB_* variables after it, JSON logs, and every
 * setting from the environment - no launcher, no DATABASE_URL.
 */
class PlatformOnServerPoolIT {

  private static final String ADMIN_PASSWORD = "server-pool-admin-" + UUID.randomUUID();
  private static final String POST_BOOT = "postgresql-pool.asadmin";

  private static String database;
  private static PayaraMicroProcess platform;

  @BeforeAll
  static void start() throws SQLException {
    database = Postgres.createDatabase("sg_pool_");
    platform =
        PayaraMicroProcess.platform("server-pool", POST_BOOT, "logging-json.properties", env(5432));
  }

  /** What a container gets: the pool's DB_* variables and the platform's own settings. */
  private static Map<String, String> env(int port) {
    Map<String, String> env = new HashMap<>();
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", Integer.toString(port));
    env.put("DB_NAME", database);
    env.put("DB_USER", "postgres");
    env.put("DB_PASSWORD", "unused-on-a-trusting-loopback");
    env.put("DATABASE_RESOURCE", "jdbc/streamgate");
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("INTERNAL_API_KEY", StreamGateExtension.INTERNAL_API_KEY);
    env.put("STREAMGATE_DATA_DIR", "data");
    return env;
  }

  @AfterAll
  static void stop() throws SQLException {
    if (platform != null) {
      platform.close();
    }
    Postgres.dropDatabase(database);
  }

  @Test
  void readyOnPostgresqlThroughTheServersPoolWithoutAnyFileDatabase() throws IOException {
    HttpResponse<String> ready = platform.get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body() + platform.log());
    assertTrue(ready.body().contains("\"product\":\"PostgreSQL\""), ready.body());
    assertTrue(ready.body().contains("\"schemaVersion\":\"14\""), ready.body());
    try (Stream<Path> files = Files.walk(platform.workDir())) {
      assertEquals(
          List.of(),
          files.filter(file -> file.toString().endsWith(".mv.db")).toList(),
          "no H2 database beside the server's pool");
    }
  }

  @Test
  void whatAnAdminCreatesIsStoredInThatDatabase() throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .build();
    String login =
        Json.createObjectBuilder()
            .add("username", "admin")
            .add("password", ADMIN_PASSWORD)
            .build()
            .toString();
    assertEquals(200, post(browser, "/api/admin/login", login).statusCode());
    String title = "Pooled " + UUID.randomUUID();
    Instant starts = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String event =
        Json.createObjectBuilder()
            .add("title", title)
            .add("startsAt", starts.toString())
            .add("endsAt", starts.plusSeconds(3600).toString())
            .build()
            .toString();
    HttpResponse<String> created = post(browser, "/api/admin/events", event);
    assertEquals(201, created.statusCode(), created.body());

    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/" + database, "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT title FROM event")) {
      assertTrue(rows.next(), "the event is in PostgreSQL");
      assertEquals(title, rows.getString(1));
    }
  }

  @Test
  void theLogIsOneJsonObjectPerLine() {
    List<String> lines = platform.log().lines().filter(line -> !line.isBlank()).toList();
    List<JsonObject> records =
        lines.stream()
            .filter(line -> line.startsWith("{"))
            .map(line -> Json.createReader(new StringReader(line)).readObject())
            .toList();
    assertTrue(
        records.stream().anyMatch(record -> record.toString().contains("at schema version 14")),
        "the migration's line is a JSON record");
    assertTrue(records.size() * 10 >= lines.size() * 9, "nearly every line is JSON: " + lines);
  }

  @Test
  void anUnreachableDatabaseStopsTheStartWithOneLineSayingWhatToCheck() {
    try (PayaraMicroProcess unreachable =
        PayaraMicroProcess.platform(
            "server-pool-unreachable",
            POST_BOOT,
            "logging.properties",
            env(LaunchedStreamGate.freePort()))) {
      assertTrue(
          unreachable
              .log()
              .contains("StreamGate cannot reach its database (Connection to 127.0.0.1:"),
          unreachable.log());
      assertTrue(
          unreachable
              .log()
              .contains(
                  "check the JDBC pool behind DATABASE_RESOURCE (DB_HOST, DB_PORT, DB_NAME,"
                      + " DB_USER, DB_PASSWORD) and that the database server runs"),
          unreachable.log());
      assertNotEquals(200, unreachable.get("/health/ready").statusCode());
    }
  }

  @Test
  void aResourceNameTheServerDoesNotHaveStopsTheStartWithOneLine() {
    Map<String, String> env = env(5432);
    env.put("DATABASE_RESOURCE", "jdbc/nothing-here");
    try (PayaraMicroProcess missing =
        PayaraMicroProcess.platform("server-pool-missing", null, "logging.properties", env)) {
      assertTrue(
          missing
              .log()
              .contains(
                  "DATABASE_RESOURCE names 'jdbc/nothing-here' but this server has no JDBC"
                      + " resource of that name"),
          missing.log());
      assertNotEquals(200, missing.get("/health/ready").statusCode());
    }
  }

  private HttpResponse<String> post(HttpClient browser, String path, String json)
      throws IOException, InterruptedException {
    return browser.send(
        HttpRequest.newBuilder(platform.uri(path))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

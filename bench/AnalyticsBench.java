import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Audience analytics of a large event: seeds viewing records straight into a running StreamGate's
 * database (one event of 50,000 sessions over three hours, and ten other events of 20,000 each, so
 * the event's records are a fifth of the table), logs in, and times {@code GET
 * /api/admin/events/{id}/analytics} and its CSV export as round trips over loopback.
 *
 * <p>java -cp h2.jar:postgresql.jar AnalyticsBench.java JDBC_URL USER BASE_URL PASSWORD
 */
public class AnalyticsBench {

  private static final int SESSIONS = 50_000;
  private static final int OTHER_EVENTS = 10;
  private static final int OTHER_SESSIONS = 20_000;
  private static final int RUNS = 20;
  private static final String[] BROWSERS = {"Chrome", "Chrome", "Chrome", "Safari", "Firefox", "Edge"};
  private static final String[] RENDITIONS = {
    "1080p=120;720p=40", "720p=150;360p=10", "360p=90", "1080p=300"
  };

  private static final SecureRandom RANDOM = new SecureRandom();

  public static void main(String[] args) throws Exception {
    String jdbc = args[0];
    String user = args[1];
    String base = args[2];
    String password = args[3];
    long started = System.nanoTime();
    String event;
    try (Connection db = DriverManager.getConnection(jdbc, user, "")) {
      db.setAutoCommit(false);
      event = seedEvent(db, "Analytics bench", SESSIONS);
      for (int e = 0; e < OTHER_EVENTS; e++) {
        seedEvent(db, "Other event " + e, OTHER_SESSIONS);
      }
    }
    System.out.printf(
        "seeded %,d viewing records in %.0f s%n",
        SESSIONS + OTHER_EVENTS * OTHER_SESSIONS, (System.nanoTime() - started) / 1e9);

    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/admin/login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + password + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (login.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + login.body());
    }
    String figures = base + "/api/admin/events/" + event + "/analytics";
    String body = get(http, figures);
    if (!body.contains("\"sessions\":" + SESSIONS)) {
      throw new IllegalStateException("the figures do not count the sessions: " + body.substring(0, 300));
    }
    time(http, String.format("analytics of %,d sessions", SESSIONS), figures);
    time(http, "the same as CSV (viewers by minute)", figures + "/export");
  }

  static void time(HttpClient http, String name, String url) throws Exception {
    for (int i = 0; i < 5; i++) {
      get(http, url);
    }
    double[] millis = new double[RUNS];
    long bytes = 0;
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      bytes = get(http, url).length();
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf(
        "%-36s median %7.1f ms   p95 %7.1f ms   max %7.1f ms   (%d runs, %,d bytes)%n",
        name, millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.95) - 1], millis[RUNS - 1], RUNS, bytes);
  }

  static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  /**
   * One event with {@code sessions} viewing records: arrivals spread over three hours, most of
   * them in the first half hour, each watching up to 90 minutes; one in five reports start-up,
   * one in fifty an error.
   */
  static String seedEvent(Connection db, String title, int sessions) throws Exception {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime start = now.minusHours(4);
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO event (id, title, starts_at, ends_at, access_window_hours, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, 48, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, title);
      insert.setObject(3, start);
      insert.setObject(4, start.plusHours(3));
      insert.setObject(5, now);
      insert.setObject(6, now);
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO viewing_record (session_id, event_id, device_key, browser, client_ip,"
                + " user_agent, started_at, last_seen_at, ended_at, end_reason, startup_ms, stalls,"
                + " stalled_ms, errors_network, errors_media, renditions, personal_since)"
                + " VALUES (?, ?, ?, ?, ?, 'Mozilla/5.0 (bench)', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < sessions; i++) {
        int arrival =
            RANDOM.nextInt(4) > 0 ? RANDOM.nextInt(30 * 60) : RANDOM.nextInt(3 * 60 * 60);
        OffsetDateTime from = start.plusSeconds(arrival);
        OffsetDateTime to = from.plusSeconds(30 + RANDOM.nextInt(90 * 60));
        String sessionId = UUID.randomUUID().toString();
        insert.setString(1, sessionId);
        insert.setString(2, id);
        insert.setString(3, sessionId.replace("-", "").substring(0, 24 + RANDOM.nextInt(2)));
        insert.setString(4, BROWSERS[RANDOM.nextInt(BROWSERS.length)]);
        insert.setString(5, "198.51.100." + RANDOM.nextInt(256));
        insert.setObject(6, from);
        insert.setObject(7, to);
        insert.setObject(8, to);
        insert.setString(9, RANDOM.nextInt(10) == 0 ? "taken_over" : "released");
        if (RANDOM.nextInt(5) > 0) {
          insert.setInt(10, 300 + RANDOM.nextInt(4000));
        } else {
          insert.setNull(10, java.sql.Types.INTEGER);
        }
        insert.setInt(11, RANDOM.nextInt(3));
        insert.setLong(12, RANDOM.nextInt(5000));
        insert.setInt(13, RANDOM.nextInt(50) == 0 ? 1 : 0);
        insert.setInt(14, RANDOM.nextInt(200) == 0 ? 1 : 0);
        insert.setString(15, RENDITIONS[RANDOM.nextInt(RENDITIONS.length)]);
        insert.setObject(16, from);
        insert.addBatch();
        if (i % 1000 == 999) {
          insert.executeBatch();
          db.commit();
        }
      }
      insert.executeBatch();
      db.commit();
    }
    return id;
  }
}

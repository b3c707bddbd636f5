import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The admin API with a million codes: seeds them straight into a running StreamGate's database
 * (20 events of 45,000 codes and one of 100,000; some redeemed, revoked or expired, all labelled),
 * logs in, and times the code table's first page, filtered pages, code and label searches, the
 * generation of 500 codes and the CSV export of 100,000, each as the round trip over loopback.
 *
 * <p>java -cp h2.jar:postgresql.jar AdminBench.java JDBC_URL USER BASE_URL PASSWORD [SEED]
 *
 * <p>SEED=false measures a database seeded before. Prints one line per measurement.
 */
public class AdminBench {

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final int EVENTS = 20;
  private static final int PER_EVENT = 45_000;
  private static final int EXPORTED = 100_000;
  private static final int RUNS = 20;

  private static final SecureRandom RANDOM = new SecureRandom();

  public static void main(String[] args) throws Exception {
    String jdbc = args[0];
    String user = args[1];
    String base = args[2];
    String password = args[3];
    boolean seed = args.length < 5 || Boolean.parseBoolean(args[4]);
    Path state = Path.of(System.getProperty("java.io.tmpdir"), "admin-bench-" + Math.abs(jdbc.hashCode()));
    List<String> events;
    List<String> sample;
    if (seed) {
      long started = System.nanoTime();
      events = new ArrayList<>();
      sample = new ArrayList<>();
      try (Connection db = DriverManager.getConnection(jdbc, user, "")) {
        db.setAutoCommit(false);
        for (int e = 0; e < EVENTS; e++) {
          events.add(seedEvent(db, "Bench event " + e, PER_EVENT, e % 5 == 4, sample));
        }
        events.add(seedEvent(db, "Bench export", EXPORTED, false, sample));
      }
      System.out.printf(
          "seeded %,d codes in %.0f s%n",
          EVENTS * PER_EVENT + EXPORTED, (System.nanoTime() - started) / 1e9);
      List<String> lines = new ArrayList<>(events);
      lines.add("--");
      lines.addAll(sample);
      Files.write(state, lines);
    } else {
      List<String> lines = Files.readAllLines(state);
      int split = lines.indexOf("--");
      events = lines.subList(0, split);
      sample = lines.subList(split + 1, lines.size());
    }

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
    String event = events.get(3);
    time(http, "first page of all codes (50)", i -> base + "/api/admin/tokens");
    time(http, "page 200 of all codes", i -> base + "/api/admin/tokens?page=200");
    time(
        http,
        "one event's unused codes, first page",
        i -> base + "/api/admin/tokens?eventId=" + event + "&status=unused");
    time(http, "all revoked codes, first page", i -> base + "/api/admin/tokens?status=revoked");
    time(
        http,
        "search: a code's first 6 characters",
        i -> base + "/api/admin/tokens?search=" + sample.get(i % sample.size()).substring(0, 6));
    time(
        http,
        "search: a code's first 3 characters",
        i -> base + "/api/admin/tokens?search=" + sample.get(i % sample.size()).substring(0, 3));
    time(http, "search: a label", i -> base + "/api/admin/tokens?search=row%20" + (i % 40));

    double[] generate = new double[10];
    for (int i = 0; i < generate.length; i++) {
      long started = System.nanoTime();
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/api/admin/events/" + event + "/tokens/generate"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"count\": 500}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      generate[i] = (System.nanoTime() - started) / 1e6;
      if (created.statusCode() != 201) {
        throw new IllegalStateException("generate answered " + created.statusCode());
      }
    }
    report("generate 500 codes", generate);

    String exported = events.get(events.size() - 1);
    double[] export = new double[3];
    long bytes = 0;
    for (int i = 0; i < export.length; i++) {
      long started = System.nanoTime();
      HttpResponse<InputStream> csv =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/api/admin/events/" + exported + "/tokens/export"))
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = csv.body()) {
        bytes = body.transferTo(java.io.OutputStream.nullOutputStream());
      }
      export[i] = (System.nanoTime() - started) / 1e6;
    }
    report(String.format("export %,d codes (%,d bytes)", EXPORTED, bytes), export);
  }

  static void time(HttpClient http, String name, IntFunction<String> url) throws Exception {
    for (int i = 0; i < 3; i++) {
      get(http, url.apply(RUNS + i));
    }
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long started = System.nanoTime();
      get(http, url.apply(i));
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    report(name, millis);
  }

  static void get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
  }

  static void report(String name, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-42s median %7.1f ms   max %7.1f ms   (%d runs)%n",
        name, sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
  }

  /** One event with {@code count} codes; every 50th code goes into {@code sample}. */
  static String seedEvent(
      Connection db, String title, int count, boolean past, List<String> sample) throws Exception {
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime start = past ? now.minusDays(10) : now.minusHours(1);
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
            "INSERT INTO access_code (id, code, event_id, label, revoked, revoked_at, redeemed_at,"
                + " expires_at, created_at, label_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        String code = code();
        boolean revoked = i % 50 == 7;
        boolean redeemed = i % 3 == 0;
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, code);
        insert.setString(3, id);
        insert.setString(4, "Row " + (i % 40));
        insert.setBoolean(5, revoked);
        insert.setObject(6, revoked ? now : null);
        insert.setObject(7, redeemed ? now.minusMinutes(5) : null);
        insert.setObject(8, start.plusHours(3 + 48));
        insert.setObject(9, now.minusSeconds(count - i));
        insert.setString(10, "row " + (i % 40));
        insert.addBatch();
        if (i % 50 == 0) {
          sample.add(code);
        }
        if (i % 5000 == 4999) {
          insert.executeBatch();
          db.commit();
        }
      }
      insert.executeBatch();
      db.commit();
    }
    return id;
  }

  static String code() {
    char[] code = new char[12];
    for (int i = 0; i < code.length; i++) {
      code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
    }
    return new String(code);
  }
}

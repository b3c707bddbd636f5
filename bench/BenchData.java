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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark data, straight into a running StreamGate's database (there is no bulk admin API yet):
 * one live event with fresh codes, written to files for wrk; then a number of those codes redeemed
 * so that their playback tokens can send heartbeats.
 *
 * <p>java -cp h2.jar:postgresql.jar BenchData.java JDBC_URL USER BASE_URL OUT_DIR WARM CODES SESSIONS
 * writes codes-warm.txt (WARM codes), codes.txt (CODES codes), tokens.txt (SESSIONS tokens),
 * session-codes.txt (the codes of those tokens, line by line) and event.txt (the event's id).
 */
public class BenchData {

  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final Pattern TOKEN = Pattern.compile("\"playbackToken\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String jdbc = args[0];
    String user = args[1];
    String base = args[2];
    Path out = Path.of(args[3]);
    int warm = Integer.parseInt(args[4]);
    int codes = Integer.parseInt(args[5]);
    int sessions = Integer.parseInt(args[6]);
    String event = UUID.randomUUID().toString();
    List<String> all = seed(jdbc, user, event, warm + codes + sessions);
    Files.writeString(out.resolve("event.txt"), event);
    Files.write(out.resolve("codes-warm.txt"), all.subList(0, warm));
    Files.write(out.resolve("codes.txt"), all.subList(warm, warm + codes));
    List<String> sessionCodes = all.subList(warm + codes, all.size());
    Files.write(out.resolve("session-codes.txt"), sessionCodes);
    Files.write(out.resolve("tokens.txt"), redeem(base, sessionCodes));
  }

  static List<String> seed(String jdbc, String user, String event, int count) throws Exception {
    SecureRandom random = new SecureRandom();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<String> codes = new ArrayList<>(count);
    try (Connection db = DriverManager.getConnection(jdbc, user, "")) {
      db.setAutoCommit(false);
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO event (id, title, starts_at, ends_at, access_window_hours, created_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, 48, ?, ?)")) {
        insert.setString(1, event);
        insert.setString(2, "Benchmark " + Instant.now());
        insert.setObject(3, now.minusHours(1));
        insert.setObject(4, now.plusHours(3));
        insert.setObject(5, now);
        insert.setObject(6, now);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO access_code (id, code, event_id, expires_at, created_at)"
                  + " VALUES (?, ?, ?, ?, ?)")) {
        for (int i = 0; i < count; i++) {
          StringBuilder code = new StringBuilder(12);
          for (int c = 0; c < 12; c++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          }
          codes.add(code.toString());
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, code.toString());
          insert.setString(3, event);
          insert.setObject(4, now.plusHours(51));
          insert.setObject(5, now);
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      db.commit();
    }
    return codes;
  }

  static List<String> redeem(String base, List<String> codes) throws Exception {
    // HTTP/1.1: the default client offers an h2c upgrade on the first POST, which Grizzly leaves
    // unanswered (issue 9), and the seeding hangs.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> tokens = new ArrayList<>();
    for (String code : codes) {
      tokens.add(
          pool.submit(
              () -> {
                HttpResponse<String> response =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/tokens/validate"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher token = TOKEN.matcher(response.body());
                if (response.statusCode() != 200 || !token.find()) {
                  throw new IllegalStateException(response.statusCode() + " " + response.body());
                }
                return token.group(1);
              }));
    }
    List<String> result = new ArrayList<>();
    for (Future<String> token : tokens) {
      result.add(token.get());
    }
    pool.shutdown();
    return result;
  }
}

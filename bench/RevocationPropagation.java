import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Revocation propagation: for each of N playing sessions, revokes its code through the admin API
 * and measures, on every media member, the time from the revoke call returning to the first 403
 * for the session's next segment request (each member is asked back to back, one request after
 * the other, on a thread of its own). The figure includes that request's own round trip.
 *
 * <p>java -cp h2.jar RevocationPropagation.java JDBC_URL PLATFORM_URL ADMIN_PASSWORD DATA_DIR
 * SEGMENT_PATH MEDIA_URL... where DATA_DIR holds BenchData's session-codes.txt and tokens.txt.
 */
public class RevocationPropagation {

  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  /** How often the very first request after the call returned was already refused. */
  private static final AtomicInteger FIRST_REQUEST_REFUSED = new AtomicInteger();

  public static void main(String[] args) throws Exception {
    String jdbc = args[0];
    String platform = args[1];
    String password = args[2];
    Path data = Path.of(args[3]);
    String segment = args[4];
    List<String> media = Arrays.asList(args).subList(5, args.length);
    List<String> codes = Files.readAllLines(data.resolve("session-codes.txt"));
    List<String> tokens = Files.readAllLines(data.resolve("tokens.txt"));
    List<String> ids = ids(jdbc, codes);

    HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    check(
        send(
            admin,
            "POST",
            platform + "/api/admin/login",
            "{\"password\":\"" + password + "\"}",
            null));
    HttpClient viewer = HttpClient.newHttpClient();
    ExecutorService pool = Executors.newFixedThreadPool(media.size());

    List<List<Long>> lags = new ArrayList<>();
    media.forEach(member -> lags.add(new ArrayList<>()));
    List<Long> calls = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      String token = tokens.get(i);
      for (String member : media) {
        int status = send(viewer, "GET", member + segment, null, token).statusCode();
        if (status != 200) {
          throw new IllegalStateException(member + " answered " + status + " before the revoke");
        }
      }
      long start = System.nanoTime();
      check(send(admin, "PATCH", platform + "/api/admin/tokens/" + ids.get(i) + "/revoke", "", null));
      long returned = System.nanoTime();
      calls.add(returned - start);
      List<CompletableFuture<Long>> firsts = new ArrayList<>();
      for (String member : media) {
        firsts.add(
            CompletableFuture.supplyAsync(
                () -> untilRefused(viewer, member + segment, token) - returned, pool));
      }
      for (int m = 0; m < media.size(); m++) {
        lags.get(m).add(firsts.get(m).join());
      }
    }
    pool.shutdown();

    System.out.printf(
        "revocations: %d; admin revoke call %s%n", codes.size(), summary(calls));
    for (int m = 0; m < media.size(); m++) {
      System.out.printf("  %-28s call returned -> first 403: %s%n", media.get(m), summary(lags.get(m)));
    }
    System.out.printf(
        "  the first request after the call returned was refused in %d of %d cases%n",
        FIRST_REQUEST_REFUSED.get(), codes.size() * media.size());
  }

  private static long untilRefused(HttpClient viewer, String url, String token) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    boolean first = true;
    while (System.nanoTime() < deadline) {
      int status = send(viewer, "GET", url, null, token).statusCode();
      long now = System.nanoTime();
      if (status == 403) {
        if (first) {
          FIRST_REQUEST_REFUSED.incrementAndGet();
        }
        return now;
      }
      first = false;
      if (status != 200) {
        throw new IllegalStateException(url + " answered " + status);
      }
    }
    throw new IllegalStateException(url + " still plays " + GIVE_UP + " after the revoke");
  }

  private static String summary(List<Long> nanos) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format(
        "p50 %.1f ms  p99 %.1f ms  max %.1f ms",
        sorted[(int) Math.ceil(sorted.length * 0.50) - 1] / 1e6,
        sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  private static List<String> ids(String jdbc, List<String> codes) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbc, "", "");
        PreparedStatement select = db.prepareStatement("SELECT id FROM access_code WHERE code = ?")) {
      for (String code : codes) {
        select.setString(1, code);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          ids.add(row.getString(1));
        }
      }
    }
    return ids;
  }

  private static HttpResponse<String> send(
      HttpClient client, String method, String url, String json, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(url + ": " + e, e);
    }
  }

  private static void check(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}

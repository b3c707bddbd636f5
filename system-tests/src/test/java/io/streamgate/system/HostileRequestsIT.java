package io.streamgate.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every line of {@code hostile-requests.txt} sent byte for byte to the shared instance: spellings
 * of protected paths, forged headers, tampered methods, broken bodies, slow clients. Each must be
 * answered like its plain spelling or refused, never with a 5xx or a server error page, never with
 * a raw code or a secret, and must change nothing in the database. The file's header explains its
 * columns; a new attack is one more line.
 */
@ExtendWith(StreamGateExtension.class)
class HostileRequestsIT {

  private static final String CORPUS = "hostile-requests.txt";

  private static final Duration WAIT = Duration.ofSeconds(15);

  /** What a server error page or a leaked exception looks like. */
  private static final List<String> ERROR_PAGE_SIGNS =
      List.of("Payara", "GlassFish", "Grizzly", "Error report", "Exception", "Caused by", "\tat ");

  private static final Pattern GENERATOR = Pattern.compile("@([a-z0-9-]+)(?:\\((\\d+)\\))?");

  private static final AtomicInteger CLIENT = new AtomicInteger();

  /** One line of the corpus. */
  record Case(
      int line,
      String as,
      String method,
      String target,
      String headers,
      String body,
      String expect) {

    static Case parse(int line, String text) {
      String[] columns = text.split(" \\| ", -1);
      if (columns.length != 6) {
        throw new IllegalArgumentException(CORPUS + ":" + line + ": 6 columns expected: " + text);
      }
      return new Case(
          line,
          columns[0].strip(),
          columns[1].strip(),
          columns[2].strip(),
          columns[3].strip(),
          columns[4].strip(),
          columns[5].strip());
    }

    @Override
    public String toString() {
      return CORPUS + ":" + line + " " + as + " " + method + " " + target;
    }
  }

  /** The data and credentials the corpus refers to, made once for the run. */
  private record World(
      LaunchedStreamGate streamGate,
      Fixtures fixtures,
      Map<String, String> values,
      Map<String, String> sessions,
      List<String> secrets) {}

  @TestFactory
  Stream<DynamicTest> everyHostileRequestIsRefusedOrAnsweredLikeItsPlainSpelling(
      LaunchedStreamGate streamGate) throws Exception {
    World world = world(streamGate);
    List<Case> cases = corpus();
    Map<String, RawHttp.Answer> plain = new HashMap<>();
    String before = snapshot(world);
    List<DynamicTest> tests = new ArrayList<>();
    for (Case hostile : cases) {
      tests.add(
          DynamicTest.dynamicTest(hostile.toString(), () -> check(world, hostile, plain, before)));
    }
    tests.add(
        DynamicTest.dynamicTest(
            "the server still answers after the whole corpus",
            () -> assertEquals(200, streamGate.get("/health/ready").statusCode())));
    return tests.stream();
  }

  private static void check(
      World world, Case hostile, Map<String, RawHttp.Answer> plain, String before)
      throws SQLException {
    RawHttp.Answer answer = followed(world, hostile, hostile.target());
    String expect = hostile.expect();
    assertTrue(answer.status() < 500, hostile + " answered " + answer);
    if (expect.equals("waits")) {
      assertTrue(answer.status() == 0 || refusal(answer), hostile + " answered " + answer);
    } else {
      assertTrue(answer.status() > 0, hostile + ": no answer within " + WAIT);
    }
    for (String sign : ERROR_PAGE_SIGNS) {
      assertFalse(answer.body().contains(sign), hostile + " answered an error page: " + answer);
      assertFalse(
          String.join("\n", answer.headers()).contains(sign), hostile + " named the server");
    }
    boolean maySeeCodes = hostile.as().equals("admin") || hostile.as().equals("operator");
    for (String secret : world.secrets()) {
      if (!maySeeCodes || secret.equals(world.values().get("internalKey"))) {
        assertFalse(answer.body().contains(secret), hostile + " gave away a secret: " + answer);
      }
    }
    assertFalse(answer.body().contains("\"d\":\""), hostile + " gave away a private key");
    if (expect.startsWith("like ")) {
      String plainTarget = expect.substring("like ".length());
      RawHttp.Answer reference =
          plain.computeIfAbsent(
              hostile.as() + " " + hostile.method() + " " + plainTarget + " " + hostile.headers(),
              key -> followed(world, hostile, plainTarget));
      assertTrue(
          answer.status() == reference.status() || refusal(answer),
          hostile + " answered " + answer + " where the plain spelling answered " + reference);
    } else if (expect.equals("refused")) {
      assertTrue(refusal(answer), hostile + " was not refused: " + answer);
    } else if (expect.startsWith("status ")) {
      assertEquals(
          Integer.parseInt(expect.substring("status ".length())),
          answer.status(),
          hostile + " answered " + answer);
    } else if (!expect.equals("answered") && !expect.equals("waits")) {
      fail(hostile + ": unknown expectation " + expect);
    }
    assertEquals(before, snapshot(world), hostile + " changed the database");
  }

  /**
   * A 4xx, the console's redirect to its login page, or the container's empty answer to a path it
   * failed to decode (see {@link #unrouted}).
   */
  private static boolean refusal(RawHttp.Answer answer) {
    if (answer.status() >= 400 && answer.status() < 500 || unrouted(answer)) {
      return true;
    }
    return (answer.status() == 302 || answer.status() == 303)
        && answer.header("Location").map(to -> to.endsWith("/admin/login.xhtml")).orElse(false);
  }

  /**
   * The answer, after following up to three redirects within this server (a container may send a
   * strange spelling to a canonical one) as the same caller; the console's redirect to its login
   * page is not followed: that is a refusal.
   */
  private static RawHttp.Answer followed(World world, Case hostile, String target) {
    RawHttp.Answer answer = send(world, hostile, target);
    String self = "http://" + world.values().get("host");
    for (int hops = 0; hops < 3 && !refusal(answer) && answer.status() / 100 == 3; hops++) {
      String location = answer.header("Location").orElse("");
      if (location.startsWith(self)) {
        location = location.substring(self.length());
      }
      if (!location.startsWith("/")) {
        break;
      }
      Case redirected =
          new Case(hostile.line(), hostile.as(), "GET", location, hostile.headers(), "-", "");
      answer = send(world, redirected, location);
    }
    return answer;
  }

  /**
   * Payara's connector answers some paths it cannot decode (a bad escape such as {@code %zz}, and
   * at times a trailing {@code /..}, where Grizzly's normaliser throws) with an empty 200 before
   * any application runs: no header but Connection and a zero Content-Length (the applications
   * always add their own), no body. Nothing is served; it is a refusal in all but its status.
   */
  private static boolean unrouted(RawHttp.Answer answer) {
    return answer.status() == 200
        && answer.body().isEmpty()
        && answer.header("Content-Length").map("0"::equals).orElse(false)
        && answer.headers().stream()
            .map(line -> line.substring(0, Math.max(0, line.indexOf(':'))).toLowerCase(Locale.ROOT))
            .allMatch(name -> name.equals("connection") || name.equals("content-length"));
  }

  private static RawHttp.Answer send(World world, Case hostile, String target) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "{host}");
    headers.put("X-Forwarded-For", world.values().get("clientIp"));
    switch (hostile.as()) {
      case "viewer" -> headers.put("Authorization", "Bearer {token}");
      case "box-office" -> headers.put("Authorization", "Bearer {accessToken}");
      case "internal" -> headers.put("X-Internal-Api-Key", "{internalKey}");
      case "admin", "operator" -> {
        headers.put("Cookie", "JSESSIONID=" + world.sessions().get(hostile.as()));
        if (!hostile.method().equals("GET") && !hostile.method().equals("HEAD")) {
          headers.put("Origin", "http://{host}");
        }
      }
      default -> {}
    }
    byte[] body = body(world, hostile.body());
    if (body.length > 0) {
      headers.put("Content-Type", "application/json");
      headers.put("Content-Length", String.valueOf(body.length));
    }
    String from = "127.0.0.1";
    int chunk = 0;
    Duration pause = Duration.ZERO;
    Duration wait = WAIT;
    boolean ended = true;
    List<String> extra = new ArrayList<>();
    if (!hostile.headers().equals("-")) {
      for (String item : hostile.headers().split(" ;; ")) {
        int colon = item.indexOf(':');
        String name = item.substring(0, colon).strip();
        String value = item.substring(colon + 1).strip();
        switch (name) {
          case "@from" -> from = value;
          case "@slow" -> {
            chunk = Integer.parseInt(value.split("/")[0]);
            pause = Duration.ofMillis(Long.parseLong(value.split("/")[1]));
          }
          case "@wait" -> wait = Duration.ofSeconds(Long.parseLong(value));
          default -> {
            if (value.equals("@no-end")) {
              ended = false;
            }
            String filled = value.equals("@no-end") ? "x" : generate(world, value);
            headers.keySet().removeIf(known -> known.equalsIgnoreCase(name));
            if (name.equalsIgnoreCase("Transfer-Encoding")) {
              // The body is framed as the case writes it: no length unless the case gives one.
              headers.remove("Content-Length");
            }
            extra.add(name + ": " + filled);
          }
        }
      }
    }
    StringBuilder head = new StringBuilder();
    head.append(hostile.method()).append(' ').append(fill(world, target)).append(" HTTP/1.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    extra.forEach(line -> head.append(line).append("\r\n"));
    head.append("Connection: close\r\n");
    if (ended) {
      head.append("\r\n");
    }
    return new RawHttp(world.streamGate().port())
        .exchange(from, fill(world, head.toString()), body, chunk, pause, wait);
  }

  private static byte[] body(World world, String spec) {
    if (spec.equals("-")) {
      return new byte[0];
    }
    if (spec.equals("@badutf8")) {
      byte[] start = "{\"code\":\"".getBytes(UTF_8);
      byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xC0, (byte) 0xAE};
      byte[] end = "\"}".getBytes(UTF_8);
      byte[] all = new byte[start.length + bad.length + end.length];
      System.arraycopy(start, 0, all, 0, start.length);
      System.arraycopy(bad, 0, all, start.length, bad.length);
      System.arraycopy(end, 0, all, start.length + bad.length, end.length);
      return all;
    }
    return generate(world, spec).replace("\\r\\n", "\r\n").getBytes(UTF_8);
  }

  /** Replaces placeholders and the generators {@code @nested(N)}, {@code @big(N)} and others. */
  private static String generate(World world, String text) {
    Matcher generator = GENERATOR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (generator.find()) {
      int n = generator.group(2) == null ? 0 : Integer.parseInt(generator.group(2));
      String made =
          switch (generator.group(1)) {
            case "nested" -> "[".repeat(n) + "]".repeat(n);
            case "digits" -> "1".repeat(n);
            case "big" -> "{\"code\":\"" + "A".repeat(n) + "\"}";
            case "big-header" -> "a".repeat(n);
            default -> generator.group();
          };
      generator.appendReplacement(out, Matcher.quoteReplacement(made));
    }
    generator.appendTail(out);
    return fill(world, out.toString());
  }

  private static String fill(World world, String text) {
    String filled = text;
    for (Map.Entry<String, String> value : world.values().entrySet()) {
      filled = filled.replace("{" + value.getKey() + "}", value.getValue());
    }
    return filled;
  }

  private static List<Case> corpus() throws IOException {
    try (InputStream in = HostileRequestsIT.class.getResourceAsStream("/" + CORPUS)) {
      String[] lines = new String(in.readAllBytes(), UTF_8).split("\n");
      List<Case> cases = new ArrayList<>();
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          cases.add(Case.parse(i + 1, line));
        }
      }
      return cases;
    }
  }

  private static World world(LaunchedStreamGate streamGate) throws Exception {
    Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    String viewerCode = fixtures.code(event);
    ViewerApi viewer = new ViewerApi(streamGate);
    String token = ViewerApi.token(viewer.redeem(viewerCode));
    String operator = "hostile-operator-" + CLIENT.incrementAndGet() + System.nanoTime();
    fixtures.adminUser(operator, "operator-password", "OPERATOR");
    String adminPassword = Files.readString(streamGate.dataDir().resolve("admin-password")).trim();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("event", event);
    values.put("code", code);
    values.put("codeId", fixtures.codeId(code));
    values.put("token", token);
    values.put("host", "127.0.0.1:" + streamGate.port());
    values.put("internalKey", StreamGateExtension.INTERNAL_API_KEY);
    values.put("clientIp", viewer.clientIp());
    Map<String, String> sessions = new HashMap<>();
    sessions.put("admin", session(streamGate, "admin", adminPassword));
    sessions.put("operator", session(streamGate, operator, "operator-password"));
    values.put("adminSession", sessions.get("admin"));
    devices(streamGate, fixtures, values);
    List<String> secrets = new ArrayList<>();
    for (String raw : List.of(code, viewerCode)) {
      secrets.add(raw);
      secrets.add(raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8));
    }
    secrets.addAll(streamGate.demoCodes());
    secrets.add(StreamGateExtension.INTERNAL_API_KEY);
    secrets.add(adminPassword);
    secrets.add(values.get("victimRefreshToken"));
    return new World(streamGate, fixtures, values, sessions, secrets);
  }

  /**
   * Enrolled devices: {@code accessToken} of a box office that serves another event than {@code
   * event} ({@code boxEvent}), its used enrollment code, and a used refresh token of another device
   * ({@code usedRefreshToken}; presenting it revokes that device alone) whose current one stays
   * secret.
   */
  private static void devices(
      LaunchedStreamGate streamGate, Fixtures fixtures, Map<String, String> values)
      throws Exception {
    String boxEvent = fixtures.liveEvent();
    DeviceAccessIT.streamGateForHelpers(streamGate);
    String enrollment =
        DeviceAccessIT.enrollmentCode("box_office", "hostile-desk", List.of(boxEvent));
    AdminApi device = new AdminApi(streamGate);
    String enroll = "{\"code\":\"" + enrollment + "\"}";
    String access =
        device.json(200, device.send("POST", "/api/auth/device", enroll)).getString("accessToken");
    String victim = DeviceAccessIT.enrollmentCode("operator", "hostile-victim", null);
    String used =
        device
            .json(200, device.send("POST", "/api/auth/device", "{\"code\":\"" + victim + "\"}"))
            .getString("refreshToken");
    String current =
        device
            .json(
                200,
                device.send("POST", "/api/auth/refresh", "{\"refreshToken\":\"" + used + "\"}"))
            .getString("refreshToken");
    values.put("boxEvent", boxEvent);
    values.put("accessToken", access);
    values.put("usedEnrollmentCode", enrollment);
    values.put("usedRefreshToken", used);
    values.put("victimRefreshToken", current);
  }

  /** Logs in over the admin API and returns the session cookie's value. */
  private static String session(LaunchedStreamGate streamGate, String username, String password) {
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString();
    byte[] bytes = body.getBytes(UTF_8);
    String head =
        "POST /api/admin/login HTTP/1.1\r\nHost: 127.0.0.1:"
            + streamGate.port()
            + "\r\nX-Forwarded-For: "
            + ViewerApi.nextClientIp()
            + "\r\nOrigin: http://127.0.0.1:"
            + streamGate.port()
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n";
    RawHttp.Answer answer =
        new RawHttp(streamGate.port()).exchange("127.0.0.1", head, bytes, 0, Duration.ZERO, WAIT);
    assertEquals(200, answer.status(), answer.toString());
    return answer.headers("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";")[0])
        .findFirst()
        .orElseThrow();
  }

  /** The rows hostile requests must leave alone: the corpus's event, its codes, the users. */
  private static String snapshot(World world) throws SQLException {
    String event = world.values().get("event");
    return world.fixtures().rows("SELECT * FROM event WHERE id = ?", event)
        + world
            .fixtures()
            .rows(
                "SELECT id, code, revoked, revoked_at, expires_at, label FROM access_code"
                    + " WHERE event_id = ? ORDER BY id",
                event)
        + world
            .fixtures()
            .rows("SELECT id, username, role, active, password_hash FROM admin_user ORDER BY id")
        + world.fixtures().rows("SELECT COUNT(*) FROM access_change WHERE event_id = ?", event)
        + world
            .fixtures()
            .rows(
                "SELECT COUNT(*) FROM access_code WHERE event_id = ?",
                world.values().get("boxEvent"))
        + world.fixtures().rows("SELECT id, role FROM device ORDER BY id");
  }
}

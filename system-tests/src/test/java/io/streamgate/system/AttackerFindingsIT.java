package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.codes.AccessCodeCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an attacker found on a running StreamGate in an afternoon (issue 14), each tried again here
 * exactly as it was done: the console's ticket sheet through a dot segment, the status probe and
 * the console's "Test stream" sent to a host named in a request header, the dashboard's push
 * channel without a session and after logout, and the status of a revoked or expired code.
 */
@ExtendWith(StreamGateExtension.class)
class AttackerFindingsIT {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  private static final Pattern PUSH_CHANNEL =
      Pattern.compile("/jakarta.faces.push/viewers\\?[^']+");

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;
  private static RawHttp raw;

  @BeforeAll
  static void connect(LaunchedStreamGate shared) {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
    raw = new RawHttp(shared.port());
  }

  @Test
  void theTicketSheetIsShownToLoggedInUsersOnlyHoweverItsPathIsSpelledAndEveryViewIsAudited()
      throws Exception {
    String event = fixtures.liveEvent();
    String code = AccessCodeCodec.display(fixtures.code(event));
    for (String spelling :
        List.of(
            "/admin/jakarta.faces.resource/%2e%2e/tickets.xhtml?event=",
            "/admin/jakarta.faces.resource/../tickets.xhtml?event=",
            "/admin/login.xhtml/../tickets.xhtml?event=")) {
      RawHttp.Answer answer = raw.send("GET", spelling + event, Map.of(), null);
      assertEquals(302, answer.status(), spelling + ": " + answer);
      assertEquals(
          "http://127.0.0.1:" + streamGate.port() + "/admin/login.xhtml",
          answer.header("Location").orElse(""));
      assertFalse(answer.body().contains(code), spelling + " showed an unused code");
    }

    AdminApi admin = new AdminApi(streamGate).loggedIn();
    assertTrue(
        admin.send("GET", "/admin/tickets.xhtml?event=" + event, null).body().contains(code));
    assertEquals(1, fixtures.auditEntriesBy("admin", "ticket-sheet-view", event));
    assertEquals(
        200, admin.send("GET", "/api/admin/events/" + event + "/tokens/export", null).statusCode());
    assertEquals(1, fixtures.auditEntriesBy("admin", "codes-export", event));
  }

  @Test
  void theStatusProbeNeverGoesToAHostThatARequestNames() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    try (Trap trap = new Trap()) {
      RawHttp.Answer answer =
          raw.send(
              "GET",
              "/api/events/" + event + "/status?code=" + code,
              Map.of(
                  "Host", "127.0.0.1:" + trap.port(),
                  "X-Forwarded-Host", "127.0.0.1:" + trap.port(),
                  "X-Forwarded-For", ViewerApi.nextClientIp()),
              null);
      assertEquals(200, answer.status(), answer.toString());
      // The probe runs before the answer is sent: had it gone to the trap, it would be counted.
      assertEquals(0, trap.connections(), "the probe went where the Host header pointed");
    }
  }

  @Test
  void aRevokedOrExpiredCodeGetsNoStatusAndGuessingCodesThroughTheStatusIsLimited()
      throws Exception {
    String event = fixtures.liveEvent();
    String revoked = fixtures.code(event, Instant.now().plus(Duration.ofDays(1)), true);
    String expired = fixtures.code(event, Instant.now().minus(Duration.ofMinutes(1)), false);
    ViewerApi client = new ViewerApi(streamGate);
    assertEquals(403, status(client, event, revoked));
    assertEquals(410, status(client, event, expired));

    String valid = fixtures.code(event);
    ViewerApi guesser = new ViewerApi(streamGate);
    for (int i = 0; i < 5; i++) {
      assertEquals(401, status(guesser, event, "AAAA-BBBB-CCC" + (char) ('D' + i)));
    }
    assertEquals(429, status(guesser, event, "AAAA-BBBB-CCCZ"));
    // Once its guesses are used up, a client learns nothing, not even that a code exists.
    assertEquals(429, status(guesser, event, valid));
    assertEquals(200, status(client, event, valid));
  }

  @Test
  void manyViewersWaitingForTheStartShareOneProbe() throws Exception {
    String event = fixtures.liveEvent();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      codes.add(fixtures.code(event));
    }
    List<CompletableFuture<Integer>> asks = new ArrayList<>();
    for (String code : codes) {
      asks.add(CompletableFuture.supplyAsync(() -> status(new ViewerApi(streamGate), event, code)));
    }
    for (CompletableFuture<Integer> ask : asks) {
      assertEquals(200, ask.get(30, TimeUnit.SECONDS));
    }
    String manifest = "\"path\":\"/streams/" + event + "/master.m3u8\"";
    Path accessLog = streamGate.dataDir().resolve("logs/access.log");
    Eventually.await(
        "a logged probe", Duration.ofSeconds(10), () -> probes(accessLog, manifest) >= 1);
    assertTrue(probes(accessLog, manifest) <= 2, probes(accessLog, manifest) + " probes for 20");
  }

  @Test
  void testStreamProbesTheConfiguredMediaServerForAdminsAndNothingForOperators() throws Exception {
    String event = fixtures.liveEvent();
    String operator = "probe-operator-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(operator, "operator-password", "OPERATOR");
    String admin = loginCookie("admin", adminPassword());
    String looker = loginCookie(operator, "operator-password");
    try (Trap trap = new Trap()) {
      RawHttp.Answer byAdmin = testStream(admin, event, trap.port());
      assertEquals(200, byAdmin.status(), byAdmin.toString());
      assertTrue(byAdmin.body().contains("The media server"), byAdmin.toString());
      RawHttp.Answer byOperator = testStream(looker, event, trap.port());
      assertFalse(byOperator.body().contains("The media server"), byOperator.toString());
      assertEquals(0, trap.connections(), "Test stream probed the host the request named");
    }
  }

  @Test
  void theDashboardPushNeedsAConsoleSessionAndStopsAtLogout() throws Exception {
    String leaving = loginCookie("admin", adminPassword());
    String staying = loginCookie("admin", adminPassword());
    String channel = pushChannel(leaving);
    HttpClient http = HttpClient.newHttpClient();
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> socket(http, channel, null, new Count()));
    assertTrue(
        refused.getCause() instanceof java.net.http.WebSocketHandshakeException,
        refused.toString());

    Count toLeaving = new Count();
    Count toStaying = new Count();
    WebSocket left = socket(http, channel, leaving, toLeaving);
    WebSocket stays = socket(http, pushChannel(staying), staying, toStaying);
    RawHttp.Answer logout =
        raw.send(
            "POST",
            "/api/admin/logout",
            Map.of(
                "Cookie", "JSESSIONID=" + leaving,
                "Origin", "http://127.0.0.1:" + streamGate.port()),
            "");
    assertEquals(200, logout.status(), logout.toString());

    // Two changes of the live count, two seconds apart at least: the first push to every socket
    // is sent before the second change is even seen.
    String event = fixtures.liveEvent();
    for (int i = 1; i <= 2; i++) {
      ViewerApi.token(new ViewerApi(streamGate).redeem(fixtures.code(event)));
      int expected = i;
      Eventually.await(
          "push " + expected + " to the open session",
          Duration.ofSeconds(15),
          () -> toStaying.received() >= expected);
    }
    assertEquals(0, toLeaving.received(), "a logged-out session still hears the live counts");
    left.abort();
    stays.abort();
  }

  @Test
  void aPasswordResetEndsEverySessionOpenedWithTheOldPassword() throws Exception {
    String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
    fixtures.adminUser(username, "first-password-1", "ADMIN");
    AdminApi user = new AdminApi(streamGate);
    assertEquals(200, user.login(username, "first-password-1").statusCode());
    assertEquals(200, user.send("GET", "/api/admin/session", null).statusCode());

    AdminApi superAdmin = new AdminApi(streamGate).loggedIn();
    String id =
        superAdmin
            .get("/api/admin/users")
            .getJsonArray("data")
            .getValuesAs(jakarta.json.JsonObject.class)
            .stream()
            .filter(listed -> listed.getString("username").equals(username))
            .findFirst()
            .orElseThrow()
            .getString("id");
    assertEquals(
        200,
        superAdmin
            .send("PUT", "/api/admin/users/" + id, "{\"password\":\"second-password-2\"}")
            .statusCode());

    assertEquals(401, user.send("GET", "/api/admin/session", null).statusCode());
    AdminApi again = new AdminApi(streamGate);
    assertEquals(200, again.login(username, "second-password-2").statusCode());
    assertEquals(200, again.send("GET", "/api/admin/session", null).statusCode());
  }

  private static int status(ViewerApi client, String event, String code) {
    return streamGate
        .send(
            client
                .request(
                    "/api/events/"
                        + event
                        + "/status?code="
                        + URLEncoder.encode(code, StandardCharsets.UTF_8))
                .GET()
                .build())
        .statusCode();
  }

  private static long probes(Path accessLog, String manifest) {
    if (!Files.exists(accessLog)) {
      return 0;
    }
    try (var lines = Files.lines(accessLog)) {
      return lines.filter(line -> line.contains(manifest)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Presses "Test stream" on the event page as the session's user, with a forged Host. */
  private static RawHttp.Answer testStream(String session, String event, int forgedPort) {
    RawHttp.Answer page =
        raw.send(
            "GET",
            "/admin/event.xhtml?id=" + event,
            Map.of("Cookie", "JSESSIONID=" + session),
            null);
    Matcher state = VIEW_STATE.matcher(page.body());
    assertTrue(state.find(), page.toString());
    String forged = "127.0.0.1:" + forgedPort;
    String form =
        "jakarta.faces.partial.ajax=true&jakarta.faces.source=event-form%3Atest-stream"
            + "&jakarta.faces.partial.execute=event-form%3Atest-stream"
            + "&jakarta.faces.partial.render=event-form%3Astream-check"
            + "&event-form%3Atest-stream=event-form%3Atest-stream&event-form=event-form"
            + "&jakarta.faces.ViewState="
            + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
    return raw.send(
        "POST",
        "/admin/event.xhtml?id=" + event,
        Map.of(
            "Host",
            forged,
            "Origin",
            "http://" + forged,
            "Cookie",
            "JSESSIONID=" + session,
            "Faces-Request",
            "partial/ajax",
            "Content-Type",
            "application/x-www-form-urlencoded; charset=UTF-8"),
        form);
  }

  private static String pushChannel(String session) {
    RawHttp.Answer dashboard =
        raw.send("GET", "/admin/index.xhtml", Map.of("Cookie", "JSESSIONID=" + session), null);
    Matcher channel = PUSH_CHANNEL.matcher(dashboard.body());
    assertTrue(channel.find(), dashboard.toString());
    return channel.group();
  }

  private static WebSocket socket(HttpClient http, String channel, String session, Count count)
      throws Exception {
    WebSocket.Builder builder =
        http.newWebSocketBuilder().header("Origin", "http://127.0.0.1:" + streamGate.port());
    if (session != null) {
      builder.header("Cookie", "JSESSIONID=" + session);
    }
    return builder
        .buildAsync(URI.create("ws://127.0.0.1:" + streamGate.port() + channel), count)
        .get(10, TimeUnit.SECONDS);
  }

  private static String adminPassword() throws IOException {
    return Files.readString(streamGate.dataDir().resolve("admin-password")).trim();
  }

  private static String loginCookie(String username, String password) {
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString();
    RawHttp.Answer answer =
        raw.send(
            "POST",
            "/api/admin/login",
            Map.of(
                "Content-Type",
                "application/json",
                "Origin",
                "http://127.0.0.1:" + streamGate.port(),
                "X-Forwarded-For",
                ViewerApi.nextClientIp()),
            body);
    assertEquals(200, answer.status(), answer.toString());
    return answer.headers("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring("JSESSIONID=".length()).split(";")[0])
        .findFirst()
        .orElseThrow();
  }

  /** Counts the messages a socket receives. */
  private static final class Count implements WebSocket.Listener {
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      messages.add(data.toString());
      socket.request(1);
      return null;
    }

    int received() {
      return messages.size();
    }
  }

  /** A port on loopback that accepts connections, counts them and never answers. */
  private static final class Trap implements AutoCloseable {
    private final ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    Trap() throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(server.accept());
                    accepted.incrementAndGet();
                  }
                } catch (IOException closed) {
                  // The trap was closed.
                }
              },
              "trap-" + server.getLocalPort());
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return accepted.get();
    }

    @Override
    public void close() {
      try {
        server.close();
        for (Socket socket : held) {
          socket.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}

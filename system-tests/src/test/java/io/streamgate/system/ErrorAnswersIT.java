package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What clients see when something goes wrong, or when they speak a little differently than a
 * browser: a standard HTTP/2-preferring client gets its answer, the API and the media server answer
 * errors in JSON, pages answer with the portal's or the console's own page or send the browser on,
 * and no answer names the server, an exception class or a stack trace.
 */
@ExtendWith(StreamGateExtension.class)
class ErrorAnswersIT {

  /** What the container's own error page and JSF's default error answers give away. */
  private static final List<String> GIVEAWAYS =
      List.of(
          "Payara", "Exception", "GlassFish", "Grizzly", "<title>Error", "at jakarta.", "at io.");

  @Test
  void javasDefaultClientWhichAsksForAnH2cUpgradeRedeemsACodeAtOnce(LaunchedStreamGate streamGate)
      throws Exception {
    Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
    String code = fixtures.code(fixtures.liveEvent());
    // The default client prefers HTTP/2: on plain HTTP it sends Upgrade: h2c + HTTP2-Settings.
    HttpResponse<String> redeemed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(streamGate.uri("/api/tokens/validate"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", ViewerApi.nextClientIp())
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    assertEquals(HttpClient.Version.HTTP_1_1, redeemed.version());
    assertFalse(ViewerApi.token(redeemed).isBlank());
  }

  @Test
  void anEmptyPostOfJavasDefaultClientIsAnsweredAtOnce(LaunchedStreamGate streamGate)
      throws Exception {
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(streamGate.uri("/api/playback/release"))
                    .header("X-Forwarded-For", ViewerApi.nextClientIp())
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertJsonError(401, refused);

    // Any Upgrade header puts Grizzly in the same raw mode, a WebSocket one on a POST too.
    // (The JDK client may not set Upgrade itself, so this one goes over a plain socket.)
    try (Socket socket = new Socket("127.0.0.1", streamGate.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("POST /api/playback/release HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      + "Connection: Upgrade\r\nUpgrade: websocket\r\nContent-Length: 0\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer =
          new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertTrue(answer.startsWith("HTTP/1.1 401 "), answer);
      assertTrue(answer.contains("\r\n\r\n{\"error\":\""), answer);
      assertTrue(answer.endsWith("\",\"code\":\"unauthorized\"}"), answer);
    }
  }

  @Test
  void anH2cUpgradeRequestWithAChunkedBodyIsRefusedAtOnce(LaunchedStreamGate streamGate)
      throws Exception {
    HttpResponse<String> refused =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(streamGate.uri("/api/tokens/validate"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", ViewerApi.nextClientIp())
                    .timeout(Duration.ofSeconds(10))
                    // A body of unknown length goes chunked.
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream("{\"code\":\"x\"}".getBytes())))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertJsonError(411, refused);
  }

  @Test
  void theConsolesPushSocketStillOpensBesideTheUpgradeHandling(LaunchedStreamGate streamGate)
      throws Exception {
    String password = Files.readString(streamGate.dataDir().resolve("admin-password")).trim();
    String session =
        new AdminApi(streamGate)
            .login("admin", password).headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
    HttpResponse<String> dashboard =
        streamGate.get("/admin/index.xhtml", Map.of("Cookie", session));
    Matcher channel =
        Pattern.compile("jakarta\\.faces\\.push/viewers\\?[0-9a-f-]+").matcher(dashboard.body());
    assertTrue(channel.find(), dashboard.body());
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Cookie", session)
            .header("Origin", origin(streamGate))
            .buildAsync(
                URI.create("ws://127.0.0.1:" + streamGate.port() + "/" + channel.group()),
                new WebSocket.Listener() {})
            .get(10, TimeUnit.SECONDS);
    socket.abort();
  }

  @Test
  void aMediaServletsOwnRefusalIsJsonNotTheContainersPage(LaunchedStreamGate streamGate) {
    // The cache admin servlet serves POST and DELETE only; the container answers other methods.
    HttpResponse<String> refused = streamGate.get("/streams/admin/cache");
    assertJsonError(405, refused);
    assertTrue(refused.body().contains("Method not allowed"), refused.body());
  }

  @Test
  void theServersOwnHealthAndMetricsEndpointsRefuseInJson(LaunchedStreamGate streamGate) {
    assertJsonError(405, streamGate.send(request(streamGate, "/metrics").POST(none()).build()));
    assertJsonError(404, streamGate.get("/metrics/no-such-scope"));
    assertJsonError(405, streamGate.send(request(streamGate, "/health/ready").DELETE().build()));
  }

  @Test
  void optionsOnAnApiPathDoesNotDescribeTheWholeApi(LaunchedStreamGate streamGate) {
    HttpResponse<String> options =
        streamGate.send(request(streamGate, "/api/keys").method("OPTIONS", none()).build());
    assertTrue(options.statusCode() < 300, options.statusCode() + " " + options.body());
    assertFalse(options.body().contains("wadl"), options.body());
    assertFalse(
        options.headers().firstValue("Content-Type").orElse("").contains("wadl"),
        options.headers().toString());
  }

  @Test
  void aPortalPageWithAForgedViewStateIsLoadedAgainNotA500(LaunchedStreamGate streamGate) {
    HttpResponse<String> answer = streamGate.get("/index.xhtml?jakarta.faces.ViewState=x");
    assertEquals(302, answer.statusCode(), answer.body());
    assertEquals(
        Optional.of("/index.xhtml"),
        answer.headers().firstValue("Location").map(ErrorAnswersIT::path));
    assertNothingGivenAway(answer);
    assertSecurityHeaders(answer);
  }

  @Test
  void anAjaxPostWithAnUnknownViewStateIsSentToAFreshPage(LaunchedStreamGate streamGate) {
    HttpResponse<String> answer =
        streamGate.send(
            ajax(streamGate, "/index.xhtml", "jakarta.faces.ViewState=forged")
                .header("Origin", origin(streamGate))
                .build());
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("<redirect url=\"/index.xhtml\""), answer.body());
    assertNothingGivenAway(answer);
  }

  @Test
  void aConsoleFormPostedAfterTheSessionEndedLeadsBackToTheLoginPage(
      LaunchedStreamGate streamGate) {
    String expiredLogin =
        "login=login&login%3Ausername=admin&login%3Apassword=x&jakarta.faces.ViewState=expired";
    HttpResponse<String> full =
        streamGate.send(
            HttpRequest.newBuilder(streamGate.uri("/admin/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin(streamGate))
                .header("X-Forwarded-For", ViewerApi.nextClientIp())
                .POST(HttpRequest.BodyPublishers.ofString(expiredLogin))
                .build());
    assertEquals(302, full.statusCode(), full.body());
    assertEquals(
        Optional.of("/admin/login.xhtml"),
        full.headers().firstValue("Location").map(ErrorAnswersIT::path));
    assertNothingGivenAway(full);

    HttpResponse<String> partial =
        streamGate.send(
            ajax(streamGate, "/admin/login.xhtml", expiredLogin)
                .header("Origin", origin(streamGate))
                .build());
    assertEquals(200, partial.statusCode(), partial.body());
    assertTrue(partial.body().contains("<redirect url=\"/admin/login.xhtml\""), partial.body());
    assertNothingGivenAway(partial);
  }

  @Test
  void aRefusedConsoleRequestGetsTheConsolesOwnPage(LaunchedStreamGate streamGate) {
    HttpResponse<String> refused =
        streamGate.send(
            HttpRequest.newBuilder(streamGate.uri("/admin/index.xhtml"))
                .header("Origin", "http://attacker.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=b"))
                .build());
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("id=\"error-title\""), refused.body());
    assertTrue(refused.body().contains("Console"), refused.body());
    assertNothingGivenAway(refused);
    assertSecurityHeaders(refused);
  }

  @Test
  void aMissingPortalPageGetsThePortalsOwnPage(LaunchedStreamGate streamGate) {
    HttpResponse<String> missing = streamGate.get("/no-such-page.xhtml");
    assertEquals(404, missing.statusCode(), missing.body());
    assertTrue(missing.body().contains("Page not found"), missing.body());
    assertNothingGivenAway(missing);
    assertSecurityHeaders(missing);
  }

  private static HttpRequest.Builder request(LaunchedStreamGate streamGate, String path) {
    return HttpRequest.newBuilder(streamGate.uri(path)).timeout(Duration.ofSeconds(10));
  }

  private static HttpRequest.BodyPublisher none() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static HttpRequest.Builder ajax(LaunchedStreamGate streamGate, String path, String form) {
    return HttpRequest.newBuilder(streamGate.uri(path))
        .header("Faces-Request", "partial/ajax")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Forwarded-For", ViewerApi.nextClientIp())
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "jakarta.faces.partial.ajax=true&jakarta.faces.source=x&" + form));
  }

  private static String origin(LaunchedStreamGate streamGate) {
    return "http://127.0.0.1:" + streamGate.port();
  }

  /** The path of a Location header (the container may send it absolute or relative). */
  private static String path(String location) {
    return java.net.URI.create(location).getPath();
  }

  private static void assertJsonError(int status, HttpResponse<String> answer) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals(
        Optional.of("application/json"),
        answer.headers().firstValue("Content-Type").map(type -> type.split(";")[0].trim()),
        answer.body());
    assertTrue(answer.body().startsWith("{\"error\":\""), answer.body());
    assertEquals(
        Map.of(
                401,
                "unauthorized",
                404,
                "not-found",
                405,
                "method-not-allowed",
                411,
                "length-required")
            .get(status),
        JsonBodies.parse(answer.body()).getString("code"),
        "the status's stable code: " + answer.body());
    assertNothingGivenAway(answer);
  }

  private static void assertNothingGivenAway(HttpResponse<String> answer) {
    for (String giveaway : GIVEAWAYS) {
      assertFalse(answer.body().contains(giveaway), giveaway + " in " + answer.body());
    }
    assertEquals(Optional.empty(), answer.headers().firstValue("Server"));
    assertEquals(Optional.empty(), answer.headers().firstValue("X-Powered-By"));
  }

  private static void assertSecurityHeaders(HttpResponse<String> answer) {
    Map<String, List<String>> headers = answer.headers().map();
    assertEquals(List.of("nosniff"), headers.get("x-content-type-options"), headers.toString());
    assertEquals(List.of("DENY"), headers.get("x-frame-options"), headers.toString());
    assertTrue(
        headers.getOrDefault("content-security-policy", List.of()).stream()
            .anyMatch(policy -> policy.contains("frame-ancestors 'none'")),
        headers.toString());
  }
}

package io.streamgate.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Browser hardening on every kind of platform response, HSTS only for HTTPS (as a trusted proxy
 * reports it), the HTTP settings of the post-boot file as a client sees them. Whether the pages
 * satisfy their policy is checked by every browser test (see {@link Chromium#close()}).
 */
@ExtendWith(StreamGateExtension.class)
class SecurityHeadersIT {

  /** A page, a console page, a script, an API answer, an API refusal, a missing file. */
  private static final List<String> PATHS =
      List.of(
          "/",
          "/admin/login.xhtml",
          "/jakarta.faces.resource/js/viewer.js.xhtml",
          "/api/keys",
          "/api/admin/session",
          "/no-such-page");

  @Test
  void everyPlatformResponseCarriesTheHardeningHeaders(LaunchedStreamGate streamGate) {
    for (String path : PATHS) {
      HttpResponse<String> response = streamGate.get(path);
      var headers = response.headers();
      assertEquals(Optional.of("nosniff"), headers.firstValue("X-Content-Type-Options"), path);
      assertEquals(List.of("DENY"), headers.allValues("X-Frame-Options"), path);
      assertEquals(
          Optional.of("strict-origin-when-cross-origin"),
          headers.firstValue("Referrer-Policy"),
          path);
      String policy = headers.firstValue("Content-Security-Policy").orElse("");
      assertTrue(policy.contains("default-src 'self'"), path + ": " + policy);
      assertTrue(policy.contains("frame-ancestors 'none'"), path + ": " + policy);
      assertEquals(
          Optional.empty(),
          headers.firstValue("Strict-Transport-Security"),
          path + " came over plain HTTP");
    }
  }

  @Test
  void theConsoleSessionCookieIsHttpOnlyAndNeverSentCrossSite(LaunchedStreamGate streamGate)
      throws Exception {
    String password = Files.readString(streamGate.dataDir().resolve("admin-password")).trim();
    HttpResponse<String> login = new AdminApi(streamGate).login("admin", password);
    assertEquals(200, login.statusCode(), login.body());
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(value -> value.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    // Attribute values are case-insensitive (RFC 6265bis); Payara writes "strict".
    assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=strict"), cookie);
  }

  @Test
  void theConsoleSessionCookieIsSecureWhenATrustedProxyReportsHttps(LaunchedStreamGate streamGate)
      throws Exception {
    String password = Files.readString(streamGate.dataDir().resolve("admin-password")).trim();
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("username", "admin")
            .add("password", password)
            .build()
            .toString();
    for (String proto : List.of("https", "http")) {
      HttpResponse<String> login =
          new AdminApi(streamGate)
              .send("POST", "/api/admin/login", body, Map.of("X-Forwarded-Proto", proto));
      assertEquals(200, login.statusCode(), login.body());
      List<String> cookies =
          login.headers().allValues("Set-Cookie").stream()
              .filter(value -> value.startsWith("JSESSIONID="))
              .toList();
      // A browser keeps the last cookie of a name and path.
      String kept = cookies.get(cookies.size() - 1);
      assertEquals(proto.equals("https"), kept.contains("Secure"), proto + ": " + cookies);
      assertTrue(kept.contains("HttpOnly"), kept);
    }
  }

  @Test
  void httpsReportedByATrustedProxyTurnsOnHstsAndHttpsPlaybackAddresses(
      LaunchedStreamGate streamGate) throws Exception {
    HttpResponse<String> page = streamGate.get("/", Map.of("X-Forwarded-Proto", "https"));
    assertEquals(
        Optional.of("max-age=31536000; includeSubDomains"),
        page.headers().firstValue("Strict-Transport-Security"));

    HttpResponse<String> redeemed = redeem(streamGate, freshCode(streamGate), "https");
    String base = JsonBodies.parse(redeemed.body()).getString("playbackBaseUrl");
    assertTrue(base.startsWith("https://127.0.0.1:"), base);
  }

  @Test
  void playlistsAreCompressedAndPlainHttpIsNeverUpgradedToHttp2(LaunchedStreamGate streamGate)
      throws Exception {
    Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
    String event = fixtures.liveEvent();
    new DemoStreams(streamGate.dataDir().resolve("streams")).recording(event);
    String token = ViewerApi.token(redeem(streamGate, fixtures.code(event), "http"));
    HttpResponse<byte[]> playlist =
        HttpClient.newHttpClient() // prefers HTTP/2: it upgrades plain HTTP when a server offers
            .send(
                HttpRequest.newBuilder(streamGate.uri("/streams/" + event + "/720p/index.m3u8"))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Encoding", "gzip")
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, playlist.statusCode());
    assertEquals(HttpClient.Version.HTTP_1_1, playlist.version());
    assertEquals(Optional.of("gzip"), playlist.headers().firstValue("Content-Encoding"));
    try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(playlist.body()))) {
      assertTrue(new String(unzipped.readAllBytes(), UTF_8).startsWith("#EXTM3U"));
    }
  }

  private static String freshCode(LaunchedStreamGate streamGate) throws Exception {
    Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir());
    return fixtures.code(fixtures.liveEvent());
  }

  private static HttpResponse<String> redeem(
      LaunchedStreamGate streamGate, String code, String forwardedProto) {
    HttpResponse<String> redeemed =
        streamGate.send(
            new ViewerApi(streamGate)
                .request("/api/tokens/validate")
                .header("X-Forwarded-Proto", forwardedProto)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}"))
                .build());
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    return redeemed;
  }
}

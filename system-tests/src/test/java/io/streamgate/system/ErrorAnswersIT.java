package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    Fixtures fixtures = new Fixtures(streamGate.jdbcUrl(), "");
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

  private static void assertJsonError(int status, HttpResponse<String> answer) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals(
        Optional.of("application/json"),
        answer.headers().firstValue("Content-Type").map(type -> type.split(";")[0].trim()),
        answer.body());
    assertTrue(answer.body().startsWith("{\"error\":\""), answer.body());
    assertNothingGivenAway(answer);
  }

  private static void assertNothingGivenAway(HttpResponse<String> answer) {
    for (String giveaway : GIVEAWAYS) {
      assertFalse(answer.body().contains(giveaway), giveaway + " in " + answer.body());
    }
    assertEquals(Optional.empty(), answer.headers().firstValue("Server"));
    assertEquals(Optional.empty(), answer.headers().firstValue("X-Powered-By"));
  }
}

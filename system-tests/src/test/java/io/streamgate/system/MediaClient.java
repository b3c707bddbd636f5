package io.streamgate.system;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A player's view of the media server: mints its own playback tokens with the platform's key (read
 * from the database), and fetches paths with them.
 */
final class MediaClient {

  /** Sends a GET of {@code path} with {@code token} as its bearer on a raw connection. */
  static void rawGet(java.net.Socket socket, String path, String token) throws IOException {
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + token
            + "\r\n\r\n";
    socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private final LaunchedStreamGate streamGate;
  private final PlaybackTokenSigner signer;

  /**
   * HTTP/1.1, as browsers speak to a plain-HTTP server. The JDK client's default is to upgrade to
   * HTTP/2 (h2c), which reaches Grizzly's HTTP/2 code: it deadlocked once under UpstreamProxyIT
   * (jstack: Http2Session.deregisterStream against DefaultOutputSink.terminate) and left a response
   * unfinished. Turning h2c off on the listener belongs to the HTTP settings of issue 8.
   */
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  MediaClient(LaunchedStreamGate streamGate) throws Exception {
    this.streamGate = streamGate;
    this.signer = new Fixtures(streamGate.jdbcUrl(), "", streamGate.dataDir()).signer();
  }

  /** A valid playback token for the event, as the platform would mint it. */
  String token(String eventId) {
    Instant now = Instant.now();
    return signer.sign(
        PlaybackClaims.playback(
            UUID.randomUUID().toString(),
            eventId,
            UUID.randomUUID().toString(),
            now,
            now.plus(Duration.ofHours(1))));
  }

  String token(PlaybackClaims claims) {
    return signer.sign(claims);
  }

  HttpResponse<byte[]> get(String path, String token) {
    return get(path, token, Map.of());
  }

  HttpResponse<byte[]> get(String path, String token, Map<String, String> headers) {
    return send("GET", path, token, headers);
  }

  HttpResponse<byte[]> send(String method, String path, String token, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + streamGate.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET sent without waiting for the answer, as many players at once would. */
  java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> getAsync(String path, String token) {
    return http.sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + streamGate.port() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  HttpClient http() {
    return http;
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
  }
}

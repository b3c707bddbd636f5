package io.streamgate.system;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The viewer API as a client behind the trusted proxy sees it; each instance is one client. */
final class ViewerApi {

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final LaunchedStreamGate streamGate;
  private final String clientIp;

  ViewerApi(LaunchedStreamGate streamGate) {
    this(streamGate, nextClientIp());
  }

  ViewerApi(LaunchedStreamGate streamGate, String clientIp) {
    this.streamGate = streamGate;
    this.clientIp = clientIp;
  }

  /** A documentation-range address no other test uses, so rate limits do not interfere. */
  static String nextClientIp() {
    int n = CLIENTS.incrementAndGet();
    return "198.18." + (n / 250) + "." + (n % 250 + 1);
  }

  String clientIp() {
    return clientIp;
  }

  HttpResponse<String> redeem(String code) {
    return post(
        "/api/tokens/validate", Json.createObjectBuilder().add("code", code).build().toString());
  }

  HttpResponse<String> post(String path, String json) {
    return streamGate.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> withToken(String path, String token) {
    return streamGate.send(
        request(path)
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(streamGate.uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("X-Forwarded-For", clientIp);
  }

  /** The playback token of a successful redeem. */
  static String token(HttpResponse<String> redeemed) {
    return JsonBodies.parse(redeemed.body()).getString("playbackToken");
  }

  static String error(HttpResponse<String> response) {
    return JsonBodies.parse(response.body()).getString("error");
  }

  /** The error answer's stable code, which clients translate ({@code error} stays English). */
  static String code(HttpResponse<String> response) {
    return JsonBodies.parse(response.body()).getString("code");
  }
}

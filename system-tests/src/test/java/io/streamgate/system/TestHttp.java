package io.streamgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The tests' HTTP client: HTTP/1.1 like a browser on plain HTTP, failures as exceptions. */
final class TestHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private TestHttp() {}

  static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Sends with a 20 s timeout unless the request has one; the body as text. */
  static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
    HttpRequest built = request.build();
    return send(http, built.timeout().isPresent() ? built : request.timeout(TIMEOUT).build());
  }

  /** Sends as it is; the body as text. */
  static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

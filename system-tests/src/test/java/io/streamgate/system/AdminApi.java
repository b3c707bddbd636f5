package io.streamgate.system;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * An admin's browser-like client of the admin API: logs in once, keeps the session cookie, and
 * comes from an address of its own (the tests act as the trusted proxy), so login rate limits of
 * one test do not touch another.
 */
final class AdminApi {

  /** The launched platform whose generated password {@link #loggedIn()} uses; null: none. */
  private final LaunchedStreamGate platform;

  private final String base;
  private final String clientIp;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  AdminApi(LaunchedStreamGate platform) {
    this(platform, ViewerApi.nextClientIp());
  }

  /** A client that comes from the given address. */
  AdminApi(LaunchedStreamGate platform, String clientIp) {
    this.platform = platform;
    this.base = "http://127.0.0.1:" + platform.port();
    this.clientIp = clientIp;
  }

  /** A client of the platform at {@code base} (a proxy in front of it, say). */
  AdminApi(String base) {
    this.platform = null;
    this.base = base;
    this.clientIp = ViewerApi.nextClientIp();
  }

  /** Logs in as {@code admin} with the password the launcher generated; fails the test if not. */
  AdminApi loggedIn() {
    try {
      String password = Files.readString(platform.dataDir().resolve("admin-password")).trim();
      ok(login("admin", password));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Logs in as {@code username}; fails the test if not. */
  AdminApi loggedIn(String username, String password) {
    ok(login(username, password));
    return this;
  }

  String clientIp() {
    return clientIp;
  }

  HttpResponse<String> login(String username, String password) {
    return send(
        "POST",
        "/api/admin/login",
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString());
  }

  HttpResponse<String> revoke(String codeId) {
    return send("PATCH", "/api/admin/tokens/" + codeId + "/revoke", null);
  }

  HttpResponse<String> unrevoke(String codeId) {
    return send("PATCH", "/api/admin/tokens/" + codeId + "/unrevoke", null);
  }

  HttpResponse<String> deactivate(String eventId) {
    return send("PATCH", "/api/admin/events/" + eventId + "/deactivate", null);
  }

  HttpResponse<String> reactivate(String eventId) {
    return send("PATCH", "/api/admin/events/" + eventId + "/reactivate", null);
  }

  /** Creates an event ({@link #eventJson}), expecting 201; the event as answered. */
  JsonObject createEvent(String json) {
    return json(201, send("POST", "/api/admin/events", json)).getJsonObject("data");
  }

  /**
   * An event as the admin API takes it: a title, {@code length} from {@code starts} (to the
   * second), and a stream URL when one is given (null: none).
   */
  static String eventJson(String title, Instant starts, Duration length, String streamUrl) {
    Instant from = starts.truncatedTo(ChronoUnit.SECONDS);
    var event =
        Json.createObjectBuilder()
            .add("title", title)
            .add("startsAt", from.toString())
            .add("endsAt", from.plus(length).toString());
    if (streamUrl != null) {
      event.add("streamUrl", streamUrl);
    }
    return event.build().toString();
  }

  HttpResponse<String> send(String method, String path, String json) {
    return send(method, path, json, Map.of());
  }

  /** The answer's body as JSON, once the status is checked. */
  JsonObject json(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ", not "
              + status
              + ": "
              + response.body());
    }
    return JsonBodies.parse(response.body());
  }

  /** GET, expecting 200; the body as JSON. */
  JsonObject get(String path) {
    return json(200, send("GET", path, null));
  }

  HttpResponse<String> send(String method, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("X-Forwarded-For", clientIp);
    headers.forEach(request::header);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts {@code body} as it is, of that content type (a file upload through the API). */
  HttpResponse<String> post(String path, String contentType, byte[] body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(120))
            .header("X-Forwarded-For", clientIp)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return TestHttp.send(http, request);
  }

  /** Throws unless the answer is 200; returns the body. */
  static String ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError(
          response.request().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}

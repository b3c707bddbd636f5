package io.streamgate.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A webhook receiver on loopback, as an organiser's system would run one: it keeps every request it
 * gets, by path, and answers each path as the test tells it (200 unless told otherwise, after a
 * delay if told).
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived: headers with lower-case names, and the body. */
  record Received(String path, Map<String, List<String>> headers, String body, Instant at) {

    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.get(0);
    }

    String id() {
      return header("webhook-id");
    }

    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    String type() {
      return json().getString("type");
    }

    JsonObject data() {
      return json().getJsonObject("data");
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Map<String, Long> stalls = new ConcurrentHashMap<>();
  private final CountDownLatch closed = new CountDownLatch(1);

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** What {@code path} answers from now on. */
  void answer(String path, IntSupplier status) {
    answers.put(path, status);
  }

  /** How long {@code path} takes to answer from now on. */
  void delay(String path, long millis) {
    delays.put(path, millis);
  }

  /** {@code path} answers 200 with a long body, sends a few bytes of it and then nothing. */
  void stall(String path, long millis) {
    stalls.put(path, millis);
  }

  List<Received> at(String path) {
    return received.stream().filter(request -> request.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
      String path = exchange.getRequestURI().getPath();
      received.add(new Received(path, headers, body, Instant.now()));
      long stall = stalls.getOrDefault(path, 0L);
      if (stall > 0) {
        exchange.sendResponseHeaders(200, 1_000_000);
        exchange.getResponseBody().write("stalled".getBytes(StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        pause(stall);
        return;
      }
      long delay = delays.getOrDefault(path, 0L);
      pause(delay);
      int status = answers.getOrDefault(path, () -> 200).getAsInt();
      byte[] answer = ("answered " + status).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  /**
   * Holds the answer for {@code millis}, as a slow receiver would, or until the receiver is closed:
   * the deadline of a latch that only {@link #close()} opens.
   */
  private void pause(long millis) {
    try {
      closed.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}

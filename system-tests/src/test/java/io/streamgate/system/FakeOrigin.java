package io.streamgate.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An upstream HLS origin played by the tests: each path answers as a test says (a file, a status, a
 * file held back until released, a body cut short, no answer at all) and every request is counted,
 * so tests see how often the media server fetched.
 */
final class FakeOrigin implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private record Reply(int status, byte[] body, int cutAt, CountDownLatch release) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  FakeOrigin() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::answer);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** {@code path} (e.g. {@code /event/720p/seg.ts}) answers 200 with {@code body}. */
  void serve(String path, byte[] body) {
    replies.put(path, new Reply(200, body, -1, null));
  }

  /** {@code path} answers 200 with {@code body}, but only once the returned latch is released. */
  CountDownLatch holdBack(String path, byte[] body) {
    CountDownLatch release = new CountDownLatch(1);
    replies.put(path, new Reply(200, body, -1, release));
    return release;
  }

  /**
   * {@code path} announces all of {@code body} but sends only {@code cutAt} bytes, then hangs up.
   */
  void cutShort(String path, byte[] body, int cutAt) {
    replies.put(path, new Reply(200, body, cutAt, null));
  }

  /** {@code path} sends headers and {@code cutAt} bytes of {@code body}, then nothing more. */
  void stall(String path, byte[] body, int cutAt) {
    replies.put(path, new Reply(200, body, cutAt, closing));
  }

  void status(String path, int status) {
    replies.put(path, new Reply(status, new byte[0], -1, null));
  }

  int requests(String path) {
    return requests.getOrDefault(path, new AtomicInteger()).get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    Reply reply = replies.getOrDefault(path, new Reply(404, new byte[0], -1, null));
    try (exchange) {
      if (reply.release() != null && reply.cutAt() < 0) {
        reply.release().await(60, TimeUnit.SECONDS);
      }
      if (reply.status() != 200) {
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      exchange.getResponseHeaders().set("Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT");
      exchange.sendResponseHeaders(200, reply.body().length);
      OutputStream out = exchange.getResponseBody();
      if (reply.cutAt() < 0) {
        out.write(reply.body());
        return;
      }
      out.write(reply.body(), 0, reply.cutAt());
      out.flush();
      if (reply.release() != null) {
        reply.release().await(60, TimeUnit.SECONDS);
      }
      // Closing with fewer bytes than announced makes the server drop the connection.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // a cut-short or abandoned answer
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}

package io.streamgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP origin for HLS files: nginx serving a folder on a free loopback port, the way an
 * organiser's origin behind {@code UPSTREAM_ORIGIN} would (static files, the HLS content types,
 * {@code Last-Modified} and {@code ETag} as nginx sends them), with an access log the tests count
 * requests in.
 *
 * <p>nginx runs as one process ({@code master_process off}), a child of the test JVM: there are no
 * workers switching to another user (as root they would run as {@code nobody} and could not read a
 * {@code @TempDir}, which is {@code rwx------}), and stopping that one PID stops it all. Its files
 * (configuration, pid, error log, access log, temporary folders) are in a prefix folder of its own
 * under {@code target/system/nginx/}. The access log is written without a buffer, so a count read
 * right after a response is exact.
 */
final class NginxOrigin implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final int ATTEMPTS = 3;

  private final Process process;
  private final int port;
  private final Path root;
  private final Path prefix;

  private NginxOrigin(Process process, int port, Path root, Path prefix) {
    this.process = process;
    this.port = port;
    this.root = root;
    this.prefix = prefix;
  }

  /**
   * Starts nginx serving {@code root} (a file {@code root/a/b.ts} is {@code url()/a/b.ts}) and
   * returns once it accepts connections. A port taken between choosing and binding it means another
   * try on another port.
   */
  static NginxOrigin start(Path root) {
    EncoderTools.require(EncoderTools.NGINX);
    Path served = root.toAbsolutePath().normalize();
    IllegalStateException failure = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = LaunchedStreamGate.freePort();
      Path prefix =
          Path.of(System.getProperty("streamgate.work", "target/system"))
              .resolve("nginx")
              .resolve(Integer.toString(port))
              .toAbsolutePath();
      try {
        return launch(served, port, prefix);
      } catch (IllegalStateException e) {
        failure = e;
      }
    }
    throw failure;
  }

  private static NginxOrigin launch(Path root, int port, Path prefix) {
    try {
      Files.createDirectories(prefix.resolve("logs"));
      Files.createDirectories(prefix.resolve("temp"));
      Path conf = prefix.resolve("nginx.conf");
      Files.writeString(conf, configuration(root, port, prefix));
      Path errorLog = prefix.resolve("logs/error.log");
      Path pidFile = prefix.resolve("nginx.pid");
      Files.deleteIfExists(pidFile);
      Process process =
          new ProcessBuilder(
                  EncoderTools.NGINX.toString(),
                  "-p",
                  prefix.toString(),
                  "-e",
                  errorLog.toString(),
                  "-c",
                  conf.toString(),
                  "-g",
                  "daemon off;")
              .redirectErrorStream(true)
              .redirectOutput(prefix.resolve("logs/nginx.out").toFile())
              .start();
      NginxOrigin origin = new NginxOrigin(process, port, root, prefix);
      try {
        Eventually.await(
            "nginx accepts connections on 127.0.0.1:" + port,
            START_TIMEOUT,
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "nginx ended at start (exit " + process.exitValue() + "): " + read(errorLog));
              }
              // nginx writes its pid file once its sockets are bound: then the port is its own.
              return read(pidFile).strip().equals(Long.toString(process.pid())) && origin.accepts();
            });
      } catch (AssertionError | IllegalStateException e) {
        origin.close();
        throw new IllegalStateException(e.getMessage() + "; see " + errorLog, e);
      }
      return origin;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String configuration(Path root, int port, Path prefix) {
    String temp = prefix.resolve("temp").toString();
    return """
        master_process off;
        pid %2$s/nginx.pid;
        error_log %2$s/logs/error.log warn;
        events { worker_connections 256; }
        http {
          types {
            application/vnd.apple.mpegurl m3u8;
            video/mp2t ts;
            video/iso.segment m4s;
            video/mp4 mp4;
            audio/aac aac;
            application/octet-stream key;
            text/vtt vtt;
          }
          default_type application/octet-stream;
          log_format paths '$status $request_method $uri';
          access_log %2$s/logs/access.log paths;
          sendfile on;
          client_body_temp_path %3$s/body;
          proxy_temp_path %3$s/proxy;
          fastcgi_temp_path %3$s/fastcgi;
          uwsgi_temp_path %3$s/uwsgi;
          scgi_temp_path %3$s/scgi;
          server {
            listen 127.0.0.1:%1$d;
            root %4$s;
          }
        }
        """
        .formatted(port, prefix, temp, root);
  }

  private boolean accepts() {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The folder served. */
  Path root() {
    return root;
  }

  /** nginx's access log: one line per response, {@code STATUS METHOD PATH}, PATH as decoded. */
  Path accessLog() {
    return prefix.resolve("logs/access.log");
  }

  /** How many responses so far were to a path (without query) starting with {@code pathPrefix}. */
  int requests(String pathPrefix) {
    return (int)
        read(accessLog())
            .lines()
            .map(line -> line.split(" ", 3))
            .filter(fields -> fields.length == 3 && fields[2].startsWith(pathPrefix))
            .count();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops nginx (SIGTERM, its fast shutdown) and waits for it; SIGKILL if it does not end. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

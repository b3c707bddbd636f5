package io.streamgate.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One StreamGate started the way a user starts it, with {@code ./streamgate run}, in a data folder
 * of its own, on free loopback ports, with a data grid of its own. Closing it sends the launcher
 * SIGTERM, as Ctrl-C would, and waits for Payara to stop.
 */
public final class LaunchedStreamGate
    implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  private static final java.util.Random PORTS = new java.security.SecureRandom();

  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
  private static final Pattern READY = Pattern.compile("StreamGate is ready after ([0-9.]+) s");

  private final Process launcher;
  private final int port;
  private final Path dataDir;
  private final Path output;
  private final double bootSeconds;
  private final HttpClient http = TestHttp.client();

  private LaunchedStreamGate(
      Process launcher, int port, Path dataDir, Path output, double bootSeconds) {
    this.launcher = launcher;
    this.port = port;
    this.dataDir = dataDir;
    this.output = output;
    this.bootSeconds = bootSeconds;
  }

  /** Starts a StreamGate named {@code name} and returns once the launcher says it is ready. */
  public static LaunchedStreamGate start(String name, Map<String, String> settings) {
    return start(name, settings, List.of());
  }

  /** The same with options of {@code ./streamgate run} ({@code --cluster}, {@code --postgres}). */
  public static LaunchedStreamGate start(
      String name, Map<String, String> settings, List<String> runOptions) {
    Path home = Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath();
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve(name);
    int port =
        settings.containsKey("STREAMGATE_HTTP_PORT")
            ? Integer.parseInt(settings.get("STREAMGATE_HTTP_PORT"))
            : freePort();
    Path data = work.resolve("data");
    Path output = work.resolve("launcher.out");
    try {
      Files.createDirectories(work);
      List<String> command =
          new java.util.ArrayList<>(List.of(home.resolve("streamgate").toString(), "run"));
      command.addAll(runOptions);
      ProcessBuilder builder =
          new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.put("STREAMGATE_HTTP_PORT", Integer.toString(port));
      env.put("STREAMGATE_GRID_PORT", Integer.toString(freePort()));
      env.put("STREAMGATE_DATA_DIR", data.toString());
      env.put("STREAMGATE_BIND_ADDRESS", "127.0.0.1");
      // C1 only: the servers boot in about half the time on a small, busy machine.
      env.put("STREAMGATE_JAVA_OPTS", "-Xmx512m " + PayaraServerDomain.QUICK_JVM);
      env.put(
          "DATABASE_URL",
          "jdbc:h2:file:" + data.resolve("db/streamgate") + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000");
      env.putAll(settings);
      Process process = builder.start();
      double boot = awaitReady(process, output);
      return new LaunchedStreamGate(process, port, data, output, boot);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the launcher's output into a file and returns the boot time once it says ready. */
  private static double awaitReady(Process process, Path output) throws IOException {
    CompletableFuture<Double> ready = new CompletableFuture<>();
    Writer log = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (log;
                  BufferedReader lines =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  log.write(line + System.lineSeparator());
                  log.flush();
                  Matcher matcher = READY.matcher(line);
                  if (matcher.find()) {
                    ready.complete(Double.parseDouble(matcher.group(1)));
                  }
                }
              } catch (IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(
                  new IllegalStateException("the launcher ended before ready; see " + output));
            },
            "launcher-output-" + output.getParent().getFileName());
    reader.setDaemon(true);
    reader.start();
    try {
      return ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
      throw new IllegalStateException("interrupted while starting", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroy();
      throw new IllegalStateException(
          "StreamGate did not start: " + e.getMessage() + "\n" + Files.readString(output), e);
    }
  }

  /**
   * A port that is free now, below Linux's ephemeral range (32768-60999): a port from that range
   * can be taken by any outgoing connection of the servers under test (their HTTP clients, the data
   * grid, JDBC) between being chosen here and being bound by the server.
   */
  static int freePort() {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = 20_000 + PORTS.nextInt(12_000);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port in 20000-31999");
  }

  /** The first of {@code count} consecutive free ports (see {@link #freePort()}). */
  static int freePorts(int count) {
    for (int attempt = 0; attempt < 100; attempt++) {
      int first = freePort();
      boolean free = true;
      for (int port = first + 1; port < first + count && free; port++) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
          free = socket.getLocalPort() == port;
        } catch (IOException taken) {
          free = false;
        }
      }
      if (free) {
        return first;
      }
    }
    throw new IllegalStateException("no " + count + " consecutive free ports");
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public double bootSeconds() {
    return bootSeconds;
  }

  /** The server's own log (data/logs/server.log). */
  public String serverLog() {
    try {
      return Files.readString(dataDir.resolve("logs/server.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String launcherOutput() throws IOException {
    return Files.readString(output);
  }

  /**
   * JDBC URL of the instance's H2 database. The shared test instance opens it with AUTO_SERVER, so
   * tests can set up their own events and codes while the server runs.
   */
  public String jdbcUrl() {
    return "jdbc:h2:file:" + dataDir.resolve("db/streamgate") + ";AUTO_SERVER=TRUE";
  }

  Path dataDir() {
    return dataDir;
  }

  /** The demo codes the launcher printed, as shown to people (groups of four). */
  public List<String> demoCodes() throws IOException {
    return Files.readAllLines(dataDir.resolve("demo-codes.txt"));
  }

  public HttpResponse<String> get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    headers.forEach(request::header);
    return send(request.GET().build());
  }

  public HttpResponse<String> get(String path) {
    return get(path, Map.of());
  }

  public HttpResponse<String> send(HttpRequest request) {
    return TestHttp.send(http, request);
  }

  /** Ends Payara at once (SIGKILL), as a crash or a pulled plug would, then the launcher. */
  public void kill() {
    List<ProcessHandle> children = launcher.descendants().toList();
    children.forEach(ProcessHandle::destroyForcibly);
    launcher.destroyForcibly();
    try {
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
      launcher.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Payara did not end after SIGKILL", e);
    }
  }

  /** Stops it as Ctrl-C would and waits until Payara has exited. */
  @Override
  public void close() {
    List<ProcessHandle> children = launcher.descendants().toList();
    launcher.destroy();
    try {
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.destroyForcibly();
      }
      for (ProcessHandle child : children) {
        child.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}

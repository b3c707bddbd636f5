package io.streamgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro started the way an image or a service unit starts one: {@code java -jar
 * payara-micro.jar} with deployments, a post-boot command file and environment variables, nothing
 * from the launcher. On loopback, with a data grid of its own; closing it sends SIGTERM and waits.
 */
final class PayaraMicroProcess implements AutoCloseable {

  static final Path HOME = Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath();
  static final Path PAYARA_CONFIG = HOME.resolve("payara-config/src/main/payara");

  private final Process process;
  private final Path log;
  private final int port;
  private final HttpClient http = TestHttp.client();

  private PayaraMicroProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the platform WAR at {@code /} as its image does: the HTTP settings of payara-config
   * before boot (here after the loopback address), {@code postBoot} after it (none if null), and
   * {@code env}; returns once Payara Micro says it is ready - whether or not the application
   * deployed.
   */
  static PayaraMicroProcess platform(
      String name, String postBoot, String logProperties, Map<String, String> env) {
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve(name);
    int port = LaunchedStreamGate.freePort();
    int gridPort = LaunchedStreamGate.freePort();
    try {
      Files.createDirectories(work);
      Path preBoot = work.resolve("pre-boot.asadmin");
      Files.writeString(
          preBoot,
          Files.readString(HOME.resolve("platform-war/src/test/resources/loopback.asadmin"))
              + "\n"
              + Files.readString(PAYARA_CONFIG.resolve("pre-boot-commands.asadmin")));
      Path log = work.resolve("server.log");
      List<String> command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx512m",
                  PayaraServerDomain.QUICK_JVM,
                  "-jar",
                  HOME.resolve("target/payara-micro.jar").toString(),
                  "--deploy",
                  HOME.resolve("platform-war/target/platform.war") + ":/",
                  "--addlibs",
                  HOME.resolve("target/postgresql.jar").toString(),
                  "--port",
                  Integer.toString(port),
                  "--nohostaware",
                  "--clustername",
                  "sg-" + name + "-" + gridPort,
                  "--clustermode",
                  "tcpip:127.0.0.1:" + gridPort,
                  "--startport",
                  Integer.toString(gridPort),
                  "--interfaces",
                  "127.0.0.1",
                  "--hzinitialjoinwait",
                  "0",
                  "--prebootcommandfile",
                  preBoot.toString(),
                  "--postdeploycommandfile",
                  PAYARA_CONFIG.resolve("post-deploy-commands.asadmin").toString(),
                  "--logproperties",
                  PAYARA_CONFIG.resolve(logProperties).toString()));
      if (postBoot != null) {
        command.addAll(
            List.of("--postbootcommandfile", PAYARA_CONFIG.resolve(postBoot).toString()));
      }
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder
          .environment()
          .keySet()
          .removeIf(key -> key.startsWith("DB_") || key.startsWith("DATABASE_"));
      builder.environment().putAll(env);
      PayaraMicroProcess started = new PayaraMicroProcess(builder.start(), log, port);
      started.awaitBoot();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Payara Micro prints "ready in" once it has booted and tried its deployments. */
  private void awaitBoot() {
    try {
      Eventually.await(
          "Payara Micro boots",
          Duration.ofSeconds(240),
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("Payara Micro ended during start-up:\n" + log());
            }
            return Files.exists(log) && log().contains(" ready in ");
          });
    } catch (AssertionError e) {
      close();
      throw new AssertionError(e.getMessage() + "\n" + log(), e);
    }
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path workDir() {
    return log.getParent();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(http, request);
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

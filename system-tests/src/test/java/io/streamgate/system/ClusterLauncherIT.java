package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./streamgate run --cluster}, as someone trying scale-out runs it: a platform and two media
 * servers in one data grid, with the console password set through {@code ./streamgate
 * hash-password}, and the signing keys rotated with {@code ./streamgate keys}.
 */
class ClusterLauncherIT {

  private static final Path HOME =
      Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath();
  private static final String NAME = "run-cluster";
  private static final String PASSWORD = "cluster-launcher-" + UUID.randomUUID();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static int port;
  private static LaunchedStreamGate cluster;

  @BeforeAll
  static void start() throws Exception {
    // A cluster's first boot creates its console user from the hash: start from nothing.
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve(NAME);
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
    String hash = streamgate(Map.of(), PASSWORD, "hash-password").trim();
    assertTrue(hash.startsWith("PBKDF2WithHmacSHA256:210000:"), hash);
    port = LaunchedStreamGate.freePorts(3);
    cluster =
        LaunchedStreamGate.start(
            NAME,
            Map.of(
                "STREAMGATE_HTTP_PORT",
                Integer.toString(port),
                "STREAMGATE_GRID_PORT",
                Integer.toString(LaunchedStreamGate.freePorts(3)),
                "STREAMGATE_JAVA_OPTS",
                "-Xmx384m " + PayaraServerDomain.QUICK_JVM,
                "ADMIN_PASSWORD_HASH",
                hash),
            List.of("--cluster"));
  }

  @AfterAll
  static void stop() throws IOException {
    if (cluster != null) {
      cluster.close();
      String said = cluster.launcherOutput();
      for (int member = 0; member < 3; member++) {
        int memberPort = port + member;
        assertThrows(
            IOException.class,
            () -> new Socket().connect(new InetSocketAddress("127.0.0.1", memberPort), 1000),
            "Ctrl-C stops the server on port " + memberPort + "\n" + said);
      }
    }
  }

  @Test
  void threeServersFormOneGridAndBothMediaServersPlayTheDemo() throws Exception {
    String ready = cluster.get("/health/ready").body();
    assertTrue(ready.contains("\"members\":\"3\""), ready);
    assertTrue(cluster.launcherOutput().contains("a cluster of three"), cluster.launcherOutput());

    HttpResponse<String> redeemed = new ViewerApi(cluster).redeem(cluster.demoCodes().get(0));
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    assertEquals(
        "http://127.0.0.1:" + (port + 1),
        JsonBodies.parse(redeemed.body()).getString("playbackBaseUrl"));
    String token = ViewerApi.token(redeemed);
    for (int media : List.of(port + 1, port + 2)) {
      assertEquals(200, playlist(media, token), "media server on " + media);
      assertEquals(401, playlist(media, null), "media server on " + media + " without a token");
    }
  }

  @Test
  void theHashedPasswordLogsInAndARotatedKeySignsTokensBothMediaServersAccept() throws Exception {
    assertEquals(200, new AdminApi(cluster).login("admin", PASSWORD).statusCode());

    Map<String, String> admin =
        Map.of("STREAMGATE_HTTP_PORT", Integer.toString(port), "ADMIN_PASSWORD", PASSWORD);
    String rotated = streamgate(admin, "", "keys", "rotate");
    String kid = rotated.lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
    assertTrue(streamgate(admin, "", "keys", "list").contains(kid + " "), "listed");

    String token = ViewerApi.token(new ViewerApi(cluster).redeem(cluster.demoCodes().get(1)));
    String header =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    assertTrue(header.contains("\"kid\":\"" + kid + "\""), "signed by the new key: " + header);
    for (int media : List.of(port + 1, port + 2)) {
      assertEquals(200, playlist(media, token), "media server on " + media);
    }
  }

  @Test
  void wrongInputToTheOpsCommandsGetsOneLineAndChangesNothing() throws Exception {
    Process shortPassword = launch(Map.of(), "short", "hash-password");
    assertEquals(2, shortPassword.exitValue());
    assertEquals(
        "streamgate: a console password needs 12 to 1024 characters",
        new String(shortPassword.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());

    Process wrongPassword =
        launch(
            Map.of(
                "STREAMGATE_HTTP_PORT", Integer.toString(port), "ADMIN_PASSWORD", "wrong-one-1234"),
            "",
            "keys",
            "rotate");
    assertNotEquals(0, wrongPassword.exitValue());
    String said =
        new String(wrongPassword.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertTrue(said.startsWith("streamgate: login as 'admin' refused (401)"), said);
  }

  private static int playlist(int mediaPort, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + mediaPort + "/streams/demo/master.m3u8"))
            .timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /**
   * Runs {@code ./streamgate args} with {@code input} on standard input; its output if it ends 0.
   */
  private static String streamgate(Map<String, String> env, String input, String... args)
      throws Exception {
    Process process = launch(env, input, args);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", args) + ": " + output);
    return output;
  }

  private static Process launch(Map<String, String> env, String input, String... args)
      throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of(HOME.resolve("streamgate").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile());
    builder.environment().putAll(env);
    if (cluster != null) {
      builder.environment().put("STREAMGATE_DATA_DIR", cluster.dataDir().toString());
    }
    Process process = builder.redirectErrorStream(true).start();
    try (var stdin = process.getOutputStream()) {
      stdin.write((input + "\n").getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", args) + " ended");
    return process;
  }
}

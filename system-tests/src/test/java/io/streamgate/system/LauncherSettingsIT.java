package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings stop the launcher at once with one line naming the setting; nothing starts. */
@ExtendWith(StreamGateExtension.class)
class LauncherSettingsIT {

  @TempDir Path data;

  private String refusal(Map<String, String> settings) throws IOException, InterruptedException {
    return refusal(settings, true);
  }

  private String refusal(Map<String, String> settings, boolean withHttpPort)
      throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(home.resolve("streamgate").toString(), "run").directory(home.toFile());
    builder.environment().put("STREAMGATE_DATA_DIR", data.toString());
    builder.environment().remove("STREAMGATE_HTTP_PORT");
    if (withHttpPort) {
      builder
          .environment()
          .put("STREAMGATE_HTTP_PORT", Integer.toString(LaunchedStreamGate.freePort()));
    }
    builder.environment().putAll(settings);
    Process process = builder.start();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      // It started instead of refusing: stop what it started before failing.
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
      throw new AssertionError("the launcher did not refuse at once");
    }
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue(), stderr);
    assertEquals(1, stderr.strip().lines().count(), stderr);
    return stderr.strip();
  }

  /**
   * A setting only the servers check (the launcher passes it on) stops start-up too, with the one
   * line the WAR logs, which the launcher shows. Each test starts only the role that reads the
   * setting: the other WAR's deployment would only add to the wait.
   */
  private static List<String> serverRefusal(String name, Map<String, String> settings)
      throws IOException {
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve(name);
    // A server log left from an earlier run must not answer for this one.
    if (Files.exists(work)) {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (LaunchedStreamGate started = LaunchedStreamGate.start(name, settings)) {
            // It started instead of refusing: closed again here, and the test fails.
          }
        });
    return Files.readString(work.resolve("launcher.out"), StandardCharsets.UTF_8)
        .lines()
        .filter(line -> line.startsWith("streamgate: "))
        .filter(line -> !line.startsWith("streamgate: starting"))
        .toList();
  }

  @Test
  void aPlatformSettingOutOfItsRangeStopsTheServer() throws Exception {
    assertEquals(
        List.of(
            "streamgate: RATE_LIMIT_REDEEM_PER_MINUTE must be a whole number, from 0 to 2147483647"
                + " (got '-1')"),
        serverRefusal(
            "bad-platform-setting",
            Map.of("STREAMGATE_ROLE", "platform", "RATE_LIMIT_REDEEM_PER_MINUTE", "-1")));
  }

  @Test
  void aMediaSettingOutOfItsRangeStopsTheServer() throws Exception {
    assertEquals(
        List.of(
            "streamgate: SEGMENT_CACHE_SWEEP_MINUTES must be a whole number of minutes, at least 1"
                + " (got '0')"),
        serverRefusal(
            "bad-media-setting",
            Map.of(
                "STREAMGATE_ROLE",
                "media",
                "PLATFORM_APP_URL",
                "http://127.0.0.1:9",
                "SEGMENT_CACHE_SWEEP_MINUTES",
                "0")));
  }

  @Test
  void aDatabaseUrlThatIsNeitherH2NorPostgresql() throws Exception {
    String line = refusal(Map.of("DATABASE_URL", "mysql://root:secret@localhost/streamgate"));
    assertTrue(line.startsWith("streamgate: DATABASE_URL must be jdbc:h2:"), line);
    assertTrue(!line.contains("secret"), "the value, which may hold a password, is not echoed");
  }

  @Test
  void anUnknownSetting() throws Exception {
    String line = refusal(Map.of("STREAMGATE_HTPP_PORT", "8081"));
    assertTrue(line.startsWith("streamgate: unknown setting STREAMGATE_HTPP_PORT"), line);
  }

  @Test
  void aPortThatIsNotANumber() throws Exception {
    String line = refusal(Map.of("STREAMGATE_HTTP_PORT", "80a"));
    assertTrue(line.contains("STREAMGATE_HTTP_PORT must be a port number"), line);
  }

  @Test
  void aMediaServerStartedAloneTakesTheSpecificationsPort(LaunchedStreamGate running)
      throws Exception {
    Map<String, String> media =
        Map.of(
            "STREAMGATE_ROLE",
            "media",
            "PLATFORM_APP_URL",
            running.uri("/").toString(),
            "PORT",
            Integer.toString(running.port()));
    String line = refusal(media, false);
    assertTrue(line.contains("port " + running.port() + " is already in use"), line);
    assertTrue(line.endsWith("set PORT to a free port"), line);
    Map<String, String> notANumber = new HashMap<>(media);
    notANumber.put("PORT", "80a");
    assertTrue(refusal(notANumber, false).startsWith("streamgate: PORT must be a port number"));
  }

  /** {@code migrate --to -} takes the URL from standard input, checked as one on the line. */
  @Test
  void migrateReadsItsTargetFromStandardInput() throws Exception {
    Path home = Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath();
    Process process =
        new ProcessBuilder(home.resolve("streamgate").toString(), "migrate", "--to", "-")
            .directory(home.toFile())
            .start();
    try (var stdin = process.getOutputStream()) {
      stdin.write("mysql://root:hunter2@127.0.0.1/sg\n".getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "refused at once");
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue(), stderr);
    assertTrue(stderr.startsWith("streamgate: migrate --to needs a PostgreSQL URL"), stderr);
    assertTrue(!stderr.contains("hunter2"), "the URL read is not echoed");
  }

  @Test
  void aPortAlreadyInUse(LaunchedStreamGate running) throws Exception {
    String line = refusal(Map.of("STREAMGATE_HTTP_PORT", Integer.toString(running.port())));
    assertTrue(line.contains("port " + running.port() + " is already in use"), line);
  }

  @Test
  void aSessionTimeoutThatIsNotANumber() throws Exception {
    String line = refusal(Map.of("SESSION_TIMEOUT_SECONDS", "soon"));
    assertTrue(line.contains("SESSION_TIMEOUT_SECONDS must be"), line);
    assertTrue(Files.notExists(data.resolve("logs")), "nothing was started");
  }

  @Test
  void anInternalApiKeyTooShortToBeSecret() throws Exception {
    String line = refusal(Map.of("INTERNAL_API_KEY", "short-key"));
    assertTrue(line.contains("INTERNAL_API_KEY must be at least 16 characters"), line);
    assertTrue(!line.contains("short-key"), "the key is not echoed");
  }

  @Test
  void aTokenSharingActionThatIsNotKnown() throws Exception {
    String line = refusal(Map.of("TOKEN_SHARING", "block"));
    assertEquals("streamgate: TOKEN_SHARING must be 'end', 'flag' or 'off' (got 'block')", line);
  }

  @Test
  void aSigningKeyEncryptionKeyTooShortToBeSecret() throws Exception {
    String line = refusal(Map.of("SIGNING_KEY_ENCRYPTION_KEY", "sixteen-chars-16"));
    assertEquals(
        "streamgate: SIGNING_KEY_ENCRYPTION_KEY must be at least 32 characters long"
            + " (or unset, to generate one)",
        line);
  }

  @Test
  void anEdgeServerWithoutThePlatformsInternalKey() throws Exception {
    String line =
        refusal(
            Map.of(
                "STREAMGATE_ROLE", "media",
                "PLATFORM_APP_URL", "http://127.0.0.1:9",
                "REVOCATION_SYNC", "poll"));
    assertTrue(line.startsWith("streamgate: REVOCATION_SYNC=poll needs INTERNAL_API_KEY"), line);
  }

  @Test
  void aKeyFileThatCannotBeRead() throws Exception {
    Files.createDirectories(data.resolve("internal-api-key"));
    String line = refusal(Map.of());
    assertTrue(line.startsWith("streamgate: " + data.resolve("internal-api-key")), line);
    assertTrue(
        line.endsWith(
            "cannot be read or is empty; fix it (or delete it to get a new one)"
                + " and start again"),
        line);
  }

  @Test
  void anUnknownRole() throws Exception {
    String line = refusal(Map.of("STREAMGATE_ROLE", "both"));
    assertEquals("streamgate: STREAMGATE_ROLE must be all, platform or media (got 'both')", line);
  }

  @Test
  void aMediaServerThatDoesNotKnowWhereThePlatformIs() throws Exception {
    String line = refusal(Map.of("STREAMGATE_ROLE", "media"));
    assertTrue(line.startsWith("streamgate: STREAMGATE_ROLE=media needs PLATFORM_APP_URL"), line);
  }

  @Test
  void aMemberListWithoutAClusterName() throws Exception {
    String line = refusal(Map.of("STREAMGATE_CLUSTER_MEMBERS", "127.0.0.1:6900"));
    assertTrue(line.contains("STREAMGATE_CLUSTER_MEMBERS needs STREAMGATE_CLUSTER_NAME"), line);
  }

  @Test
  void aMemberThatIsNotHostAndPort() throws Exception {
    String line =
        refusal(
            Map.of(
                "STREAMGATE_CLUSTER_NAME", "sg-test",
                "STREAMGATE_CLUSTER_MEMBERS", "127.0.0.1:6900,10.0.0.2"));
    assertTrue(line.contains("must be host:port,host:port,... (got '10.0.0.2')"), line);
  }
}

package io.streamgate.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The images and the compose stack as an operator runs them (issue 20): both StreamGate images
 * built on local stand-ins for the upstream images ({@code docker/base-images.sh}; no registry is
 * reachable here), then {@code docker/compose.yaml} brought up (PostgreSQL, one platform, two media
 * members in one data grid, nginx in front) with every container on the host network and bound to
 * loopback ports chosen here. The tests run in order against that one stack: what an operator does
 * first (log in, create an event and codes), then what goes wrong (a revoked code, a media
 * container stopped), then {@code down} and {@code up} again.
 *
 * <p>Without a Docker engine the class is skipped loudly, or fails where {@code
 * streamgate.require.docker} is true (CI).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContainerStackIT {

  private static final Path HOME =
      Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath().normalize();

  /** docker/base-images.sh's stand-in for the Payara Micro image of the project's version. */
  private static final String PAYARA_BASE =
      "streamgate-base/payara-micro:" + payaraVersion() + "-jdk17";

  private static final Duration HEALTHY_LIMIT = Duration.ofMinutes(6);

  private static final String ADMIN_PASSWORD = "container stack admin password";

  private static final List<String> SERVICES =
      List.of("postgres", "platform", "media1", "media2", "nginx");

  private static final List<String> CHECKED = List.of("postgres", "platform", "media1", "media2");

  private final SecureRandom random = new SecureRandom();
  private final HttpClient http = TestHttp.client();
  private final Map<String, Integer> ports = new LinkedHashMap<>();

  private Path work;
  private Path shared;
  private Path streams;
  private String project;
  private List<String> compose;
  private Chromium chromium;
  private AdminApi admin;
  private String front;

  // What the tests create, in order.
  private String event;
  private String watchedCode;
  private String revokedCode;
  private String revokedCodeId;
  private String revokedToken;
  private String secondWatchedCode;
  private String heldCode;

  @BeforeAll
  void startTheStack() throws Exception {
    requireDocker();
    chromium = Chromium.launch();
    // The work folder (the .env with the secrets, the compose copy) is the test's alone; what the
    // containers' users read (streams, nginx.conf, the pre-boot file) is in a shared one.
    work = Files.createTempDirectory("container-stack");
    shared = Files.createDirectories(Files.createTempDirectory("container-stack-shared"));
    streams = Files.createDirectories(shared.resolve("streams"));
    for (Path folder : List.of(shared, streams)) {
      folder.toFile().setReadable(true, false);
      folder.toFile().setExecutable(true, false);
    }
    project = "sgstack" + HexFormat.of().formatHex(random.generateSeed(4));
    for (String name :
        List.of("nginx", "platform", "media1", "media2", "postgres", "grid1", "grid2", "grid3")) {
      ports.put(name, freePort());
    }
    front = "http://127.0.0.1:" + ports.get("nginx");

    Result base = run(Duration.ofMinutes(20), HOME.resolve("docker/base-images.sh").toString());
    assertEquals(0, base.exit(), "docker/base-images.sh: " + base.output());
    System.out.println(base.output());

    writeEnvFile();
    writeLoopbackFiles();
    compose = composeCommand();

    long building = System.nanoTime();
    Result build = compose(Duration.ofMinutes(15), "build");
    assertEquals(0, build.exit(), "compose build: " + build.output());
    System.out.printf(
        "container stack: images built in %d s%n",
        Duration.ofNanos(System.nanoTime() - building).toSeconds());
    upAndHealthy("first up");
    admin = new AdminApi(front).loggedIn("admin", ADMIN_PASSWORD);
  }

  @AfterAll
  void removeTheStack() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (compose != null) {
      Result logs = compose(Duration.ofMinutes(1), "logs", "--no-color", "--tail=200");
      Path saved = Path.of("target", "container-stack.log");
      Files.createDirectories(saved.getParent());
      Files.writeString(saved, logs.output());
      compose(Duration.ofMinutes(3), "down", "--volumes", "--timeout", "30");
    }
    for (Path folder : java.util.Arrays.asList(work, shared)) {
      if (folder != null) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  @Order(1)
  void theAdminCreatesAnEventAndCodesThroughNginx() throws Exception {
    Instant now = Instant.now();
    JsonObject created =
        admin.createEvent(
            AdminApi.eventJson(
                "Container stack", now.minus(Duration.ofMinutes(30)), Duration.ofHours(3), null));
    event = created.getString("id");
    copyDemoStream(event);
    admin.json(201, admin.send("POST", "/api/admin/events/" + event + "/tokens", "{\"count\": 4}"));
    List<JsonObject> codes =
        admin
            .get("/api/admin/events/" + event + "/tokens")
            .getJsonArray("data")
            .getValuesAs(JsonObject.class);
    assertEquals(4, codes.size(), codes.toString());
    watchedCode = codes.get(0).getString("code");
    revokedCode = codes.get(1).getString("code");
    revokedCodeId = codes.get(1).getString("id");
    secondWatchedCode = codes.get(2).getString("code");
    heldCode = codes.get(3).getString("code");
  }

  @Test
  @Order(2)
  void aViewerWatchesTheStreamThroughNginxInChromium() throws Exception {
    try (BrowserContext context = chromium.newContext()) {
      Page page = playing(context, watchedCode);
      Chromium.screenshots(page, "container-stack-playing");
    }
  }

  /** The portal through nginx, the code typed, Watch pressed, and a second played. */
  private Page playing(BrowserContext context, String code) {
    Page page = context.newPage();
    page.navigate(front + "/");
    page.fill("#code", code);
    page.click("#watch");
    page.waitForFunction(
        "() => document.getElementById('video').currentTime > 1",
        null,
        new Page.WaitForFunctionOptions().setTimeout(60_000));
    return page;
  }

  @Test
  @Order(3)
  void aRevokedCodeIsRefusedByBothMediaMembers() throws Exception {
    HttpResponse<String> redeemed = redeem(revokedCode);
    assertEquals(200, redeemed.statusCode(), redeemed.body());
    revokedToken = ViewerApi.token(redeemed);
    String playlist = "/streams/" + event + "/master.m3u8";
    for (String member : List.of("media1", "media2")) {
      assertEquals(200, mediaStatus(member, playlist, revokedToken), member + " before");
    }
    AdminApi.ok(admin.revoke(revokedCodeId));
    for (String member : List.of("media1", "media2")) {
      Eventually.await(
          member + " refuses the revoked code's token",
          Duration.ofSeconds(10),
          () -> mediaStatus(member, playlist, revokedToken) == 403);
    }
  }

  @Test
  @Order(4)
  void playbackGoesOnThroughTheOtherMediaMemberWhenOneStops() throws Exception {
    try (BrowserContext context = chromium.newContext()) {
      Page page = playing(context, secondWatchedCode);
      String media1 = containerId("media1");
      long stopping = System.nanoTime();
      Result stopped = compose(Duration.ofMinutes(2), "stop", "media1");
      assertEquals(0, stopped.exit(), stopped.output());
      Duration stop = Duration.ofNanos(System.nanoTime() - stopping);
      assertNotEquals("running", state("media1"), "media1 is stopped");
      // The stop signal reached Java, which ended by itself with SIGTERM's status (137 would be
      // Docker's kill at the end of the grace period; an entry point that ended first would take
      // Java with it before its shutdown hooks had logged).
      String exit = inspect(media1, "{{.State.ExitCode}}");
      assertEquals("143", exit, "media1 ended after " + stop.toSeconds() + " s");
      String logs = run(Duration.ofSeconds(30), "docker", "logs", media1).output();
      // The media server drained once, then closed its listener, and both lines, written during
      // the stop, reached the container's log through the entry point. (Not the JVM's shutdown
      // hooks' lines: java.util.logging closes its handlers in a hook of its own, which may run
      // first.)
      assertEquals(
          1,
          java.util.regex.Pattern.compile("Stopping: waited for \\d+ stream response")
              .matcher(logs)
              .results()
              .count(),
          "media1 drained once: " + tail(logs));
      assertTrue(
          logs.contains("Stopping: HTTP listener closed (SUCCESS)"),
          "media1 closed its listener: " + tail(logs));
      System.out.printf(
          "container stack: media1 stopped gracefully in %d ms (exit %s)%n", stop.toMillis(), exit);
      double at =
          ((Number) page.evaluate("document.getElementById('video').currentTime")).doubleValue();
      // The demo recording is 30 s long: 6 s more played come from media2 alone (the player's
      // buffer holds a few seconds at most).
      page.waitForFunction(
          "t => document.getElementById('video').currentTime > t + 6",
          at,
          new Page.WaitForFunctionOptions().setTimeout(60_000));
      Result started = compose(Duration.ofMinutes(2), "start", "media1");
      assertEquals(0, started.exit(), started.output());
    }
  }

  @Test
  @Order(5)
  void downAndUpAgainKeepsEventsCodesAndSessions() throws Exception {
    HttpResponse<String> holding = redeem(heldCode);
    assertEquals(200, holding.statusCode(), holding.body());
    String sessionToken = ViewerApi.token(holding);
    JsonObject before = admin.get("/api/admin/events/" + event + "/tokens");

    Result down = compose(Duration.ofMinutes(3), "down", "--timeout", "30");
    assertEquals(0, down.exit(), down.output());
    upAndHealthy("up after down");

    AdminApi again = new AdminApi(front).loggedIn("admin", ADMIN_PASSWORD);
    JsonObject after = again.get("/api/admin/events/" + event + "/tokens");
    assertEquals(statuses(before), statuses(after), "every code as it was");
    assertEquals(
        "Container stack",
        again.get("/api/admin/events/" + event).getJsonObject("data").getString("title"));
    // The viewer's session is still the code's: another device is told the code is in use, and
    // the session's own heartbeat is answered.
    HttpResponse<String> other = redeem(heldCode);
    assertEquals(409, other.statusCode(), other.body());
    HttpResponse<String> heartbeat = withToken("/api/playback/heartbeat", sessionToken);
    assertEquals(200, heartbeat.statusCode(), heartbeat.body());
    // And the revoked code is refused by both media members again after their restart.
    String playlist = "/streams/" + event + "/master.m3u8";
    for (String member : List.of("media1", "media2")) {
      assertEquals(403, mediaStatus(member, playlist, revokedToken), member);
    }
    assertEquals(200, mediaStatus("media2", playlist, sessionToken));
  }

  @Test
  @Order(6)
  void theContainersRunUnprivilegedOnReadOnlyRootFileSystems() {
    for (String service : SERVICES) {
      String id = containerId(service);
      Result inspect =
          run(
              Duration.ofSeconds(30),
              "docker",
              "inspect",
              "--format",
              "{{.HostConfig.ReadonlyRootfs}} {{.Config.User}}",
              id);
      assertTrue(inspect.output().startsWith("true "), service + ": " + inspect.output());
      String user = inspect.output().strip().substring("true".length()).strip();
      assertFalse(user.isEmpty() || user.matches("(root|0)(:.*)?"), service + " as " + user);
      // docker top runs ps on the host for the container's processes (it needs their pid).
      Result top = run(Duration.ofSeconds(30), "docker", "top", id, "-eo", "pid,uid,comm");
      List<String> lines = top.output().strip().lines().skip(1).toList();
      assertFalse(lines.isEmpty(), service + " has processes: " + top.output());
      for (String line : lines) {
        assertNotEquals("0", line.strip().split("\\s+")[1], service + " runs as root: " + line);
      }
      // On the host network, every socket a container's process listens on is on loopback.
      String sockets = run(Duration.ofSeconds(30), "ss", "-Hltunp").output();
      List<String> listening = new ArrayList<>();
      for (String line : lines) {
        String pid = line.strip().split("\\s+")[0];
        sockets
            .lines()
            .filter(socket -> socket.contains("pid=" + pid + ","))
            .forEach(listening::add);
      }
      assertFalse(listening.isEmpty(), service + " listens somewhere: " + sockets);
      for (String socket : listening) {
        // Netid State Recv-Q Send-Q Local-Address:Port ...
        String local = socket.strip().split("\\s+")[4];
        assertTrue(
            local.startsWith("127.0.0.1:") || local.startsWith("[::ffff:127.0.0.1]:"),
            service + " listens beyond loopback: " + socket);
      }
    }
  }

  @Test
  @Order(7)
  void theImagesCarryLabelsAHealthCheckAndNoBuildToolsOrTestData() {
    for (String image : List.of("streamgate-platform", "streamgate-media")) {
      Result labels =
          run(
              Duration.ofSeconds(30),
              "docker",
              "image",
              "inspect",
              "--format",
              "{{json .Config.Labels}} {{json .Config.Healthcheck}} {{.Config.StopSignal}} {{.Size}}",
              image);
      assertEquals(0, labels.exit(), labels.output());
      String out = labels.output();
      assertTrue(out.contains("\"org.opencontainers.image.revision\""), image + ": " + out);
      assertTrue(out.contains("\"org.opencontainers.image.version\":\"1."), image + ": " + out);
      assertTrue(out.contains("HealthCheck"), image + ": " + out);
      assertTrue(out.contains("SIGTERM"), image + ": " + out);
      System.out.println("container stack: " + image + " " + out);
    }
    for (String service : List.of("platform", "media2")) {
      Result tools =
          run(
              Duration.ofSeconds(30),
              "docker",
              "exec",
              containerId(service),
              "sh",
              "-c",
              "command -v javac mvn gcc curl wget; ls /opt/payara; ls /opt/payara/config");
      assertFalse(tools.output().contains("/javac"), tools.output());
      assertFalse(tools.output().contains("/mvn"), tools.output());
      assertFalse(tools.output().contains("/gcc"), tools.output());
      assertFalse(tools.output().contains("/curl"), tools.output());
      assertFalse(tools.output().contains("/wget"), tools.output());
      assertFalse(tools.output().contains(".env"), tools.output());
      assertFalse(tools.output().contains("admin-password"), tools.output());
    }
  }

  @Test
  @Order(8)
  void aPlaceholderSecretOrAnUnreachableDatabaseStopsThePlatformWithOneLine() throws Exception {
    Map<String, String> good = platformSettings();
    Map<String, String> placeholder = new LinkedHashMap<>(good);
    placeholder.put("INTERNAL_API_KEY", "REPLACE-with-at-least-16-random-characters");
    Map<String, String> noDatabase = new LinkedHashMap<>(good);
    noDatabase.put("DB_PORT", String.valueOf(freePort()));
    for (var wrong :
        Map.of(
                "INTERNAL_API_KEY looks like a placeholder", placeholder,
                "StreamGate cannot reach its database", noDatabase)
            .entrySet()) {
      String name = project + "-wrong-" + HexFormat.of().formatHex(random.generateSeed(3));
      List<String> command =
          new ArrayList<>(
              List.of(
                  "docker",
                  "run",
                  "--name",
                  name,
                  "--network",
                  "host",
                  "--read-only",
                  "--tmpfs",
                  "/tmp"));
      // The settings in a file of the test's alone, not on a command line any user can read.
      Path settings = work.resolve(name + ".env");
      StringBuilder text = new StringBuilder();
      wrong
          .getValue()
          .forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
      Files.writeString(settings, text);
      restrict(settings);
      command.addAll(List.of("--env-file", settings.toString(), "streamgate-platform"));
      try {
        Result ran = run(Duration.ofMinutes(4), command.toArray(String[]::new));
        assertNotEquals(0, ran.exit(), "the container stops: " + tail(ran.output()));
        long lines = ran.output().lines().filter(l -> l.contains(wrong.getKey())).count();
        assertTrue(lines >= 1, "says why (" + wrong.getKey() + "): " + tail(ran.output()));
        assertTrue(
            ran.output().contains("streamgate: the application failed to deploy"),
            tail(ran.output()));
      } finally {
        run(Duration.ofSeconds(30), "docker", "rm", "-f", name);
      }
    }
  }

  // The stack

  private void requireDocker() {
    Result info = run(Duration.ofSeconds(30), "docker", "info", "--format", "{{.ServerVersion}}");
    if (info.exit() != 0) {
      if (Boolean.getBoolean("streamgate.require.docker")) {
        throw new AssertionError("a Docker engine is required but none answers: " + info.output());
      }
      System.err.println("\n*** SKIPPED: container stack tests, no Docker engine answers ***\n");
      Assumptions.abort("no Docker engine: " + info.output());
    }
    // The base images: there already, or made by docker/base-images.sh (root, debootstrap).
    boolean based =
        run(Duration.ofSeconds(30), "docker", "image", "inspect", PAYARA_BASE).exit() == 0;
    boolean canBuild =
        run(Duration.ofSeconds(30), "id", "-u").output().strip().equals("0")
            && run(Duration.ofSeconds(30), "sh", "-c", "command -v debootstrap").exit() == 0;
    if (!based && !canBuild) {
      String why = "no " + PAYARA_BASE + ", and docker/base-images.sh needs root and debootstrap";
      if (Boolean.getBoolean("streamgate.require.docker")) {
        throw new AssertionError(why);
      }
      System.err.println("\n*** SKIPPED: container stack tests, " + why + " ***\n");
      Assumptions.abort(why);
    }
  }

  private List<String> composeCommand() {
    if (run(Duration.ofSeconds(30), "docker", "compose", "version").exit() == 0) {
      return List.of("docker", "compose");
    }
    return List.of("docker-compose");
  }

  private Result compose(Duration limit, String... arguments) {
    List<String> command = new ArrayList<>(compose);
    command.addAll(
        List.of(
            "--project-name",
            project,
            "--env-file",
            work.resolve(".env").toString(),
            "--file",
            work.resolve("compose.yaml").toString()));
    command.addAll(List.of(arguments));
    return run(limit, command.toArray(String[]::new));
  }

  private void upAndHealthy(String what) {
    long started = System.nanoTime();
    Result up = compose(Duration.ofMinutes(8), "up", "--detach");
    assertEquals(0, up.exit(), "compose up: " + up.output());
    for (String service : CHECKED) {
      Eventually.await(
          service + " healthy (" + what + ")",
          HEALTHY_LIMIT,
          () -> {
            String health = health(service);
            assertNotEquals("unhealthy", health, service + " is unhealthy");
            return health.equals("healthy");
          });
    }
    Eventually.await(
        "nginx answers for the platform",
        Duration.ofMinutes(2),
        () -> status(front + "/health/ready") == 200);
    System.out.printf(
        "container stack: %s: every health check green %d s after up%n",
        what, Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private String health(String service) {
    return inspect(
        containerId(service), "{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}");
  }

  private String state(String service) {
    return inspect(containerId(service), "{{.State.Status}}");
  }

  /** One field of {@code docker inspect}, by Go template. */
  private static String inspect(String container, String format) {
    return run(Duration.ofSeconds(30), "docker", "inspect", "--format", format, container)
        .output()
        .strip();
  }

  private String containerId(String service) {
    Result ids = compose(Duration.ofSeconds(30), "ps", "-q", service);
    String id = ids.output().strip();
    assertFalse(id.isEmpty(), "no container for " + service + ": " + ids.output());
    return id.lines().reduce((a, b) -> b).orElseThrow();
  }

  private void writeEnvFile() throws Exception {
    Process hash =
        new ProcessBuilder(HOME.resolve("streamgate").toString(), "hash-password")
            .directory(HOME.toFile())
            .redirectErrorStream(true)
            .start();
    try (var stdin = hash.getOutputStream()) {
      stdin.write((ADMIN_PASSWORD + "\n").getBytes(UTF_8));
    }
    String hashOutput = new String(hash.getInputStream().readAllBytes(), UTF_8).strip();
    assertTrue(hash.waitFor(60, TimeUnit.SECONDS) && hash.exitValue() == 0, hashOutput);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DB_PASSWORD", secret());
    env.put("ADMIN_PASSWORD_HASH", hashOutput.lines().reduce((a, b) -> b).orElseThrow());
    env.put("INTERNAL_API_KEY", secret());
    env.put("SIGNING_KEY_ENCRYPTION_KEY", secret());
    env.put("REFRESH_TOKEN_PEPPER", secret());
    // The test's admin logs in with the password alone (the second factor has its own tests).
    env.put("REQUIRE_TOTP_FOR_SUPER_ADMINS", "false");
    env.put("STREAMGATE_CLUSTER_NAME", project);
    env.put("PAYARA_IMAGE", PAYARA_BASE);
    env.put("POSTGRES_IMAGE", "streamgate-base/postgres:15");
    env.put("NGINX_IMAGE", "streamgate-base/nginx:1.22");
    env.put("STREAMGATE_VERSION", System.getProperty("streamgate.version", "1.0.0-SNAPSHOT"));
    env.put("STREAMGATE_REVISION", gitRevision());
    env.put("STREAMGATE_SOURCE", HOME.toUri().toString());
    StringBuilder text = new StringBuilder();
    env.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    Files.writeString(work.resolve(".env"), text);
    restrict(work.resolve(".env"));
    this.envFile = env;
  }

  private Map<String, String> envFile;

  /** What a platform container needs on the host network, for the bad-input runs. */
  private Map<String, String> platformSettings() {
    Map<String, String> settings = new LinkedHashMap<>(loopbackSettings("platform"));
    settings.put("DB_HOST", "127.0.0.1");
    settings.put("DB_PORT", String.valueOf(ports.get("postgres")));
    settings.put("DB_PASSWORD", envFile.get("DB_PASSWORD"));
    for (String secret :
        List.of(
            "ADMIN_PASSWORD_HASH",
            "INTERNAL_API_KEY",
            "SIGNING_KEY_ENCRYPTION_KEY",
            "REFRESH_TOKEN_PEPPER")) {
      settings.put(secret, envFile.get(secret));
    }
    // A grid of its own, so the stack's members never see it.
    settings.put("payaramicro_clusterName", project + "-alone");
    int port = freePort();
    int http;
    do {
      http = freePort();
    } while (http == port);
    settings.put("payaramicro_port", String.valueOf(http));
    settings.put("payaramicro_startPort", String.valueOf(port));
    settings.put("payaramicro_clusterMode", "tcpip:127.0.0.1:" + port);
    return settings;
  }

  /**
   * The shipped compose file with its networks taken away: every container on the host network,
   * each server on its own loopback ports, the grid on 127.0.0.1, nginx's upstreams on loopback,
   * the streams folder a directory of the test's. docker-compose 1.29 cannot remove a service's
   * networks in an override file, so the override is applied here, to a copy.
   */
  @SuppressWarnings("unchecked")
  private void writeLoopbackFiles() throws IOException {
    Map<String, Object> file =
        new Yaml().load(Files.readString(HOME.resolve("docker/compose.yaml")));
    file.remove("networks");
    Map<String, Object> services = (Map<String, Object>) file.get("services");
    assertEquals(List.copyOf(services.keySet()), SERVICES, "the services of docker/compose.yaml");

    Path preboot = shared.resolve("pre-boot-commands.asadmin");
    Files.writeString(
        preboot,
        Files.readString(HOME.resolve("payara-config/src/main/payara/pre-boot-commands.asadmin"))
            + "\nset configs.config.server-config.network-config.network-listeners"
            + ".network-listener.http-listener.address=127.0.0.1\n");
    Path nginx = shared.resolve("nginx.conf");
    Files.writeString(
        nginx,
        Files.readString(HOME.resolve("docker/nginx/nginx.conf"))
            .replace("server platform:8080", "server 127.0.0.1:" + ports.get("platform"))
            .replace("server media1:8080", "server 127.0.0.1:" + ports.get("media1"))
            .replace("server media2:8080", "server 127.0.0.1:" + ports.get("media2"))
            .replace("listen 8080;", "listen 127.0.0.1:" + ports.get("nginx") + ";"));
    for (Path readable : List.of(preboot, nginx)) {
      readable.toFile().setReadable(true, false);
    }

    services.forEach(
        (name, value) -> {
          Map<String, Object> service = (Map<String, Object>) value;
          service.remove("networks");
          service.remove("ports");
          service.put("network_mode", "host");
          Map<String, Object> build = (Map<String, Object>) service.get("build");
          if (build != null) {
            build.put("context", HOME.toString());
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            environment.putAll(loopbackSettings(name));
            List<String> volumes = new ArrayList<>();
            volumes.add(preboot + ":/opt/payara/config/pre-boot-commands.asadmin:ro");
            for (String volume : (List<String>) service.getOrDefault("volumes", List.of())) {
              volumes.add(
                  volume.startsWith("streams:")
                      ? streams + ":/var/lib/streamgate/streams:ro"
                      : volume);
            }
            service.put("volumes", volumes);
          }
        });
    Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
    ((Map<String, Object>) postgres.get("environment"))
        .put("PGPORT", String.valueOf(ports.get("postgres")));
    postgres.put("command", List.of("postgres", "-c", "listen_addresses=127.0.0.1"));
    Map<String, Object> platform = (Map<String, Object>) services.get("platform");
    Map<String, Object> env = (Map<String, Object>) platform.get("environment");
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_PORT", String.valueOf(ports.get("postgres")));
    env.put("MEDIA_PROBE_URL", front);
    // Long enough that the session held across down and up is not stale when asked about.
    env.put("SESSION_TIMEOUT_SECONDS", "900");
    for (String media : List.of("media1", "media2")) {
      ((Map<String, Object>) ((Map<String, Object>) services.get(media)).get("environment"))
          .put("PLATFORM_APP_URL", "http://127.0.0.1:" + ports.get("platform"));
    }
    ((Map<String, Object>) services.get("nginx"))
        .put("volumes", List.of(nginx + ":/etc/nginx/nginx.conf:ro"));

    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Files.writeString(work.resolve("compose.yaml"), new Yaml(options).dump(file));
  }

  /** A server's HTTP port, grid port and grid members on loopback. */
  private Map<String, String> loopbackSettings(String service) {
    Map<String, String> settings = new LinkedHashMap<>();
    String grid =
        switch (service) {
          case "platform" -> "grid1";
          case "media1" -> "grid2";
          default -> "grid3";
        };
    settings.put("payaramicro_port", String.valueOf(ports.get(service)));
    settings.put("payaramicro_startPort", String.valueOf(ports.get(grid)));
    settings.put(
        "payaramicro_clusterMode",
        "tcpip:127.0.0.1:"
            + ports.get("grid1")
            + ",127.0.0.1:"
            + ports.get("grid2")
            + ",127.0.0.1:"
            + ports.get("grid3"));
    settings.put("payaramicro_interfaces", "127.0.0.1");
    settings.put("TRUSTED_PROXIES", "127.0.0.1");
    // As the launcher does: Hazelcast binds the chosen interface only.
    settings.put(
        "JVM_ARGS",
        "-XX:+ExitOnOutOfMemoryError -Djdk.util.zip.disableZip64ExtraFieldValidation=true"
            + " -Dhazelcast.socket.bind.any=false");
    return settings;
  }

  private void copyDemoStream(String eventId) throws IOException {
    Path demo = HOME.resolve("payara-config/src/main/demo/streams/demo");
    Path target = streams.resolve(eventId);
    try (Stream<Path> files = Files.walk(demo)) {
      for (Path source : files.sorted().toList()) {
        Path copy = target.resolve(demo.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
          copy.toFile().setExecutable(true, false);
        } else {
          Files.copy(source, copy);
        }
        copy.toFile().setReadable(true, false);
      }
    }
  }

  // Requests

  private HttpResponse<String> redeem(String code) {
    return send(
        HttpRequest.newBuilder(URI.create(front + "/api/tokens/validate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
  }

  private HttpResponse<String> withToken(String path, String token) {
    return send(
        HttpRequest.newBuilder(URI.create(front + path))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** A media member's answer, asked directly on its loopback port (not through nginx). */
  private int mediaStatus(String member, String path, String token) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(member) + path))
            .header("Authorization", "Bearer " + token)
            .GET())
        .statusCode();
  }

  private int status(String url) {
    try {
      return http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(http, request.timeout(Duration.ofSeconds(30)));
  }

  private static Map<String, Integer> statuses(JsonObject page) {
    Map<String, Integer> statuses = new java.util.TreeMap<>();
    for (JsonValue code : page.getJsonArray("data")) {
      statuses.merge(code.asJsonObject().getString("status"), 1, Integer::sum);
    }
    return statuses;
  }

  // Processes

  record Result(int exit, String output) {}

  private static Result run(Duration limit, String... command) {
    try {
      Path output = Files.createTempFile("container-stack", ".out");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(
              String.join(" ", command)
                  + " did not end within "
                  + limit
                  + ": "
                  + tail(Files.readString(output)));
        }
        return new Result(process.exitValue(), Files.readString(output));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Readable by the test's user alone. */
  private static void restrict(Path file) throws IOException {
    Files.setPosixFilePermissions(
        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  private String secret() {
    byte[] bytes = new byte[33];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String gitRevision() {
    Result head = run(Duration.ofSeconds(30), "git", "rev-parse", "HEAD");
    return head.exit() == 0 ? head.output().strip() : "unknown";
  }

  private static String payaraVersion() {
    try {
      java.util.regex.Matcher version =
          java.util.regex.Pattern.compile("<payara.version>([^<]+)</payara.version>")
              .matcher(Files.readString(HOME.resolve("pom.xml")));
      assertTrue(version.find(), "pom.xml names the Payara version");
      return version.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

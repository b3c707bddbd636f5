package io.streamgate.system;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.streamgate.common.settings.Setting;
import io.streamgate.common.settings.SettingsTable;
import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container deliverables in {@code docker/}, checked without a Docker engine and without
 * booting anything: compose accepts its file and refuses to start without a secret, the images copy
 * files the build made and the build context holds, they run unprivileged on the project's Payara
 * Micro with a health check that tells ready from not ready, the servers form one data grid, every
 * setting the applications read is in DEPLOYMENT.md, and compose sets nothing that nothing reads.
 */
class DockerFilesIT {

  private static final Path HOME =
      Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath().normalize();

  private static final Path COMPOSE = HOME.resolve("docker/compose.yaml");

  /** Each Dockerfile and the WAR its image exists to run. */
  private static final Map<String, String> IMAGES =
      Map.of(
          "docker/platform/Dockerfile", "platform-war/target/platform.war",
          "docker/media/Dockerfile", "media-war/target/media.war");

  private static final List<String> SECRETS =
      List.of(
          "ADMIN_PASSWORD_HASH",
          "INTERNAL_API_KEY",
          "SIGNING_KEY_ENCRYPTION_KEY",
          "REFRESH_TOKEN_PEPPER",
          "DB_PASSWORD");

  /** What the official image's entry point reads: java ... $JVM_ARGS -jar payara-micro.jar. */
  private static final Set<String> PAYARA_IMAGE_SETTINGS =
      Set.of("JVM_ARGS", "MEM_MAX_RAM_PERCENTAGE", "MEM_XSS");

  /** What the official postgres image reads. */
  private static final Set<String> POSTGRES_IMAGE_SETTINGS =
      Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_INITDB_ARGS", "PGDATA");

  /**
   * Each WAR's settings record, whose {@code all()} describes every setting the WAR reads (name,
   * default, rule, meaning): the one list the README and these checks come from.
   */
  private static final Map<String, String> SETTINGS_RECORDS =
      Map.of(
          "media-war", "io.streamgate.media.settings.entity.MediaSettings",
          "platform-war", "io.streamgate.platform.settings.entity.PlatformSettings");

  private static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

  private static final Pattern SETTING_IN_JAVA =
      Pattern.compile(
          "(?:@ConfigProperty\\s*\\(\\s*name\\s*=\\s*|get(?:Optional)?Value\\s*\\(\\s*"
              + "|System\\.getenv\\s*\\(\\s*)\"([^\"]+)\"");

  private record Result(int exit, String output) {}

  // (a) compose

  @Test
  void composeAcceptsItsFileWithTheExampleSettings() throws Exception {
    requireDockerCompose();
    Result result = composeConfig(HOME.resolve("docker/.env.example"));
    assertEquals(0, result.exit(), result.output());
  }

  @Test
  void composeRefusesToStartWithoutASecretAndSaysWhichOne(@TempDir Path dir) throws Exception {
    requireDockerCompose();
    List<String> example = Files.readAllLines(HOME.resolve("docker/.env.example"));
    for (String secret : SECRETS) {
      assertTrue(
          example.stream().anyMatch(line -> line.startsWith(secret + "=")),
          "docker/.env.example shows " + secret);
      Path env = dir.resolve("without-" + secret + ".env");
      Files.write(env, example.stream().filter(line -> !line.startsWith(secret + "=")).toList());
      Result result = composeConfig(env);
      assertNotEquals(0, result.exit(), "compose accepted settings without " + secret);
      // The last line ends with the message of the ${VAR:?message} that failed.
      String output = result.output().strip();
      String message = output.substring(output.lastIndexOf(": ") + 2);
      assertTrue(message.startsWith("set " + secret + " in docker/.env"), output);
    }
  }

  // (b) what the images copy

  @Test
  void everyFileTheImagesCopyWasBuiltAndIsInTheBuildContext() throws IOException {
    Path ignoreFile = HOME.resolve(".dockerignore");
    List<String> ignored = Files.exists(ignoreFile) ? Files.readAllLines(ignoreFile) : List.of();
    List<String> problems = new ArrayList<>();
    for (var image : IMAGES.entrySet()) {
      List<String> sources = copySources(instructions(image.getKey()));
      assertTrue(sources.contains(image.getValue()), image.getKey() + " copies " + sources);
      for (String source : sources) {
        if (!Files.exists(HOME.resolve(source))) {
          problems.add(image.getKey() + ": " + source + " does not exist");
        } else if (leftOutOfContext(source, ignored)) {
          problems.add(image.getKey() + ": " + source + " is left out by .dockerignore");
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  // (d) user, base image, health check

  @Test
  void imagesRunUnprivilegedOnTheProjectsPayaraMicroAndCheckReadiness() throws IOException {
    Matcher version =
        Pattern.compile("<payara.version>([^<]+)</payara.version>")
            .matcher(Files.readString(HOME.resolve("pom.xml")));
    assertTrue(version.find(), "pom.xml names the Payara version");
    for (String dockerfile : IMAGES.keySet()) {
      List<String> instructions = instructions(dockerfile);
      // The base is a build argument (a local stand-in where no registry is reachable, made by
      // docker/base-images.sh) whose default is the official image of the project's version.
      assertEquals(List.of("${PAYARA_IMAGE}"), arguments(instructions, "FROM"), dockerfile);
      assertTrue(
          arguments(instructions, "ARG")
              .contains("PAYARA_IMAGE=payara/micro:" + version.group(1) + "-jdk17"),
          dockerfile + " runs on the Payara Micro the project is built and tested with");
      List<String> users = arguments(instructions, "USER");
      assertFalse(users.isEmpty(), dockerfile + " says which user the server runs as");
      String user = users.get(users.size() - 1);
      assertFalse(user.matches("(root|0)(:.*)?"), dockerfile + " runs the server as " + user);
      List<String> checks = arguments(instructions, "HEALTHCHECK");
      assertEquals(1, checks.size(), dockerfile + " declares one HEALTHCHECK");
      String check = checks.get(0);
      assertTrue(
          check.contains("HealthCheck") && check.contains("127.0.0.1:8080/health/ready"),
          dockerfile + " checks readiness: " + check);
      assertTrue(
          copySources(instructions).contains("docker/healthcheck/HealthCheck.java"),
          dockerfile + " carries the health check it runs");
    }
  }

  @Test
  void theHealthCheckIsHealthyOnlyWhileReadinessAnswers200(@TempDir Path classes) throws Exception {
    Path source = HOME.resolve("docker/healthcheck/HealthCheck.java");
    assertEquals(
        0,
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), source.toString()),
        "HealthCheck.java compiles");
    AtomicInteger status = new AtomicInteger(200);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/health/ready",
        exchange -> {
          byte[] body =
              ("{\"status\":\"" + (status.get() == 200 ? "UP" : "DOWN") + "\"}").getBytes(UTF_8);
          exchange.sendResponseHeaders(status.get(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready";
    try {
      Result ready = healthCheck(classes, url);
      assertEquals(0, ready.exit(), ready.output());
      status.set(503);
      Result starting = healthCheck(classes, url);
      assertEquals(1, starting.exit(), starting.output());
      assertTrue(starting.output().contains("DOWN"), "says what is down: " + starting.output());
    } finally {
      server.stop(0);
    }
    Result gone = healthCheck(classes, url);
    assertEquals(1, gone.exit(), gone.output());
  }

  /**
   * Payara Micro's stand-in for the entry point: says it deployed, then counts the stop signals
   * that reach it within half a second of the first, and ends as Java ends on TERM.
   */
  private static final String SERVER_STAND_IN =
      """
      #!/bin/sh
      terms=0
      trap 'terms=$((terms + 1))' TERM
      echo 'Loading application [stand-in] at [/]'
      : >"$STAND_IN_STARTED"
      while [ "$terms" -eq 0 ]; do sleep 0.05; done
      sleep 0.5
      echo "stop signals: $terms"
      echo "the server's last line"
      exit 143
      """;

  @Test
  void theEntryPointPassesTheStopSignalOnOnceAndKeepsTheServersLastLines(@TempDir Path dir)
      throws Exception {
    require("tini", "docker", "the entry point's stop signal", "tini");
    Path java = Files.createDirectories(dir.resolve("bin")).resolve("java");
    Files.writeString(java, SERVER_STAND_IN);
    assertTrue(java.toFile().setExecutable(true));
    for (String dockerfile : IMAGES.keySet()) {
      // The image's own ENTRYPOINT, with the script from this checkout.
      List<String> command = new ArrayList<>();
      String entryPoint = arguments(instructions(dockerfile), "ENTRYPOINT").get(0);
      for (JsonString word :
          Json.createReader(new StringReader(entryPoint))
              .readArray()
              .getValuesAs(JsonString.class)) {
        command.add(
            word.getString().equals("/opt/payara/streamgate-entrypoint.sh")
                ? HOME.resolve("docker/payara-entrypoint.sh").toString()
                : word.getString());
      }
      Path started = dir.resolve("started");
      Path output = dir.resolve("output");
      Files.deleteIfExists(started);
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("PATH", java.getParent() + ":" + System.getenv("PATH"));
      builder.environment().put("STAND_IN_STARTED", started.toString());
      Process process = builder.redirectOutput(output.toFile()).start();
      try {
        Eventually.await(
            dockerfile + "'s server started", Duration.ofSeconds(20), () -> Files.exists(started));
        // What docker stop does: TERM to the container's first process.
        process.destroy();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), dockerfile + "'s entry point ended");
      } finally {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      String said = Files.readString(output, UTF_8);
      assertTrue(
          said.contains("stop signals: 1\n"), dockerfile + ": one TERM reached Java\n" + said);
      assertTrue(said.contains("the server's last line"), dockerfile + " kept it\n" + said);
      assertEquals(143, process.exitValue(), dockerfile + " ended with Java's status\n" + said);
    }
  }

  // The data grid

  @Test
  void theServersFormOneDataGrid() throws IOException {
    Map<String, Map<String, String>> servers = new LinkedHashMap<>();
    composeServices()
        .forEach(
            (name, service) -> {
              if (service.built()) {
                servers.put(name, service.environment());
              }
            });
    assertEquals(Set.of("platform", "media1", "media2"), servers.keySet());
    Set<String> clusterNames = new TreeSet<>();
    Set<String> memberLists = new TreeSet<>();
    servers.forEach(
        (name, env) -> {
          assertNotNull(env.get("payaramicro_clusterName"), name + " names the data grid");
          assertNotNull(env.get("payaramicro_clusterMode"), name + " lists the grid's members");
          clusterNames.add(env.get("payaramicro_clusterName"));
          memberLists.add(env.get("payaramicro_clusterMode"));
        });
    assertEquals(1, clusterNames.size(), "one cluster name: " + clusterNames);
    assertEquals(1, memberLists.size(), "one member list: " + memberLists);
    String members = memberLists.iterator().next();
    assertTrue(members.startsWith("tcpip:"), members);
    Set<String> hosts = new TreeSet<>();
    for (String member : members.substring("tcpip:".length()).split(",")) {
      hosts.add(member.split(":")[0]);
    }
    // Members find each other by their aliases on the internal grid network, "<service>-grid".
    Set<String> expected = new TreeSet<>();
    servers.keySet().forEach(server -> expected.add(server + "-grid"));
    assertEquals(expected, hosts, "the member list is the servers compose starts, on the grid");
    String compose = Files.readString(COMPOSE);
    servers
        .keySet()
        .forEach(server -> assertTrue(compose.contains("aliases: [" + server + "-grid]")));
    assertTrue(compose.contains("internal: true"), "the grid network has no route out");
  }

  // (c) settings

  @Test
  void everySettingTheApplicationsReadIsInTheDeploymentGuide() throws IOException {
    Set<String> settings = applicationSettings();
    assertTrue(
        settings.containsAll(Set.of("DATABASE_URL", "STREAM_ROOT", "INTERNAL_API_KEY")),
        "the settings were collected: " + settings);
    Path guide = HOME.resolve("DEPLOYMENT.md");
    assertTrue(Files.exists(guide), "DEPLOYMENT.md is missing at the repository root");
    String reference = environmentReference(Files.readString(guide));
    List<String> missing = settings.stream().filter(name -> !mentions(reference, name)).toList();
    assertTrue(
        missing.isEmpty(),
        "DEPLOYMENT.md's environment reference does not mention " + String.join(", ", missing));
  }

  @Test
  void theDeploymentGuideGivesTheDefaultEachSettingIsDescribedWith() throws IOException {
    String reference = environmentReference(Files.readString(HOME.resolve("DEPLOYMENT.md")));
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String line : reference.split("\n")) {
      String[] cells = line.split("(?<!\\\\)\\|");
      if (line.startsWith("| `") && cells.length > 2) {
        Matcher name = Pattern.compile("`([A-Z][A-Z0-9_]*)`").matcher(cells[1]);
        while (name.find()) {
          defaults.put(name.group(1), cells[2].strip());
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (Setting<?> setting : describedSettings()) {
      String shown = defaults.get(setting.name());
      List<String> allowed =
          setting.defaultValue().isEmpty()
              ? List.of("none", setting.shownDefault())
              : List.of("`" + setting.defaultValue() + "`");
      if (shown == null || allowed.stream().noneMatch(shown::startsWith)) {
        problems.add(setting.name() + ": DEPLOYMENT.md says " + shown + ", described: " + allowed);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theReadmeDocumentsEverySettingAsDescribedAndNoOtherSetting() throws IOException {
    String readme = Files.readString(HOME.resolve("README.md"));
    List<Setting<?>> described = describedSettings();
    List<String> problems = new ArrayList<>(SettingsTable.problems(readme, described));
    Set<String> known = launcherSettings();
    known.addAll(applicationSettings());
    SettingsTable.rows(readme).keySet().stream()
        .filter(name -> !known.contains(name))
        .forEach(
            name -> problems.add(name + ": in the README's configuration table, read by nothing"));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void composeAndTheImagesSetOnlyVariablesThatSomethingReads() throws IOException {
    Set<String> serverSettings = new TreeSet<>(applicationSettings());
    serverSettings.addAll(bootFileVariables());
    serverSettings.addAll(payaraMicroOptions());
    serverSettings.addAll(PAYARA_IMAGE_SETTINGS);
    List<String> unread = new ArrayList<>();
    Map<String, Service> services = composeServices();
    assertFalse(
        services.getOrDefault("platform", Service.NONE).environment().isEmpty(),
        "compose.yaml was read (two-space indentation, map-form environment): " + services);
    services.forEach(
        (name, service) -> {
          Set<String> known =
              service.built()
                  ? serverSettings
                  : service.image().startsWith("postgres") ? POSTGRES_IMAGE_SETTINGS : Set.of();
          service.environment().keySet().stream()
              .filter(variable -> !known.contains(variable))
              .forEach(variable -> unread.add("compose.yaml, " + name + ": " + variable));
        });
    for (String dockerfile : IMAGES.keySet()) {
      for (String env : arguments(instructions(dockerfile), "ENV")) {
        Matcher pair =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S*)")
                .matcher(env);
        while (pair.find()) {
          if (!serverSettings.contains(pair.group(1))) {
            unread.add(dockerfile + ": " + pair.group(1));
          }
        }
      }
    }
    assertTrue(
        unread.isEmpty(), "set but read by nothing (a typo?):\n" + String.join("\n", unread));
  }

  // Dockerfiles

  /** The instructions of a Dockerfile, continuation lines joined, comments dropped. */
  private static List<String> instructions(String dockerfile) throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(HOME.resolve(dockerfile))) {
      String text = line.strip();
      if (text.startsWith("#") || (text.isEmpty() && current.isEmpty())) {
        continue;
      }
      boolean continued = text.endsWith("\\");
      current.append(continued ? text.substring(0, text.length() - 1) : text).append(' ');
      if (!continued) {
        instructions.add(current.toString().strip());
        current.setLength(0);
      }
    }
    return instructions;
  }

  /** What follows the keyword, for each instruction of that kind. */
  private static List<String> arguments(List<String> instructions, String keyword) {
    return instructions.stream()
        .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
        .map(i -> i.substring(keyword.length()).strip())
        .toList();
  }

  /** The build-context paths that COPY and ADD take (not those copied from another stage). */
  private static List<String> copySources(List<String> instructions) {
    List<String> sources = new ArrayList<>();
    for (String keyword : List.of("COPY", "ADD")) {
      for (String arguments : arguments(instructions, keyword)) {
        List<String> words = new ArrayList<>();
        for (String word : arguments.split("\\s+")) {
          if (word.startsWith("--from=")) {
            words.clear();
            break;
          }
          if (!word.startsWith("--")) {
            words.add(word);
          }
        }
        if (!words.isEmpty() && words.get(0).startsWith("[")) {
          words.clear();
          Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(arguments);
          while (quoted.find()) {
            words.add(quoted.group(1));
          }
        }
        if (words.size() >= 2) {
          sources.addAll(words.subList(0, words.size() - 1));
        }
      }
    }
    return sources;
  }

  /**
   * Whether .dockerignore keeps a path out of the build context, as Docker reads it: the last
   * pattern that matches the path or one of its folders wins, and {@code !} lets it back in.
   */
  private static boolean leftOutOfContext(String path, List<String> patterns) {
    boolean excluded = false;
    for (String line : patterns) {
      String pattern = line.strip();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      boolean exception = pattern.startsWith("!");
      pattern = pattern.replaceFirst("^!", "").strip().replaceFirst("^\\./|^/", "");
      pattern = pattern.replaceFirst("/+$", "");
      Pattern glob = Pattern.compile(globToRegex(pattern));
      String prefix = "";
      for (String part : path.split("/")) {
        prefix = prefix.isEmpty() ? part : prefix + "/" + part;
        if (glob.matcher(prefix).matches()) {
          excluded = !exception;
          break;
        }
      }
    }
    return excluded;
  }

  private static String globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  // compose.yaml

  private record Service(String image, boolean built, Map<String, String> environment) {
    static final Service NONE = new Service("", false, Map.of());
  }

  /**
   * The services of compose.yaml with their image, whether compose builds them, and their
   * environment. Reads the shape the file keeps (two-space indentation, map-form or list-form
   * environment, no anchors); the compose tests above validate the file itself.
   */
  private static Map<String, Service> composeServices() throws IOException {
    Map<String, String> images = new LinkedHashMap<>();
    Set<String> built = new TreeSet<>();
    Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    String section = null;
    String service = null;
    String key = null;
    for (String line : Files.readAllLines(COMPOSE)) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      if (indent == 0) {
        section = text;
      } else if (!"services:".equals(section)) {
        continue;
      } else if (indent == 2) {
        service = text.replaceFirst(":$", "");
        images.put(service, "");
        environments.put(service, new LinkedHashMap<>());
        key = null;
      } else if (indent == 4) {
        String[] entry = text.split(":", 2);
        key = entry[0];
        if (key.equals("image")) {
          // ${NGINX_IMAGE:-nginx:1.27-alpine}: the image an operator gets unless they name another.
          images.put(service, entry[1].strip().replaceAll("^\\$\\{[A-Z_]+:-(.*)}$", "$1"));
        } else if (key.equals("build")) {
          built.add(service);
        }
      } else if (indent == 6 && "environment".equals(key)) {
        String entry = text.startsWith("- ") ? text.substring(2) : text;
        String[] pair = entry.split(text.startsWith("- ") ? "=" : ":", 2);
        environments.get(service).put(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "");
      }
    }
    Map<String, Service> services = new LinkedHashMap<>();
    images.forEach(
        (name, image) ->
            services.put(name, new Service(image, built.contains(name), environments.get(name))));
    return services;
  }

  private static Result composeConfig(Path envFile) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "docker-compose",
                "-f",
                COMPOSE.toString(),
                "--env-file",
                envFile.toString(),
                "config",
                "-q")
            .directory(HOME.toFile())
            .redirectErrorStream(true);
    // The caller's environment must not fill in what the settings file lacks.
    Matcher variable =
        Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)").matcher(Files.readString(COMPOSE));
    while (variable.find()) {
      builder.environment().remove(variable.group(1));
    }
    return run(builder, 60);
  }

  private static void requireDockerCompose() {
    require("docker-compose", "compose", "compose checks", "docker-compose");
  }

  /**
   * Skips (loudly) where {@code program} is not on the PATH, unless {@code
   * streamgate.require.<what>} says the run needs it.
   */
  private static void require(String program, String what, String checks, String debianPackage) {
    boolean present =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    if (present) {
      return;
    }
    if (Boolean.getBoolean("streamgate.require." + what)) {
      throw new AssertionError(program + " is required but not on the PATH");
    }
    System.err.println(
        "\n*** SKIPPED: "
            + checks
            + ", no "
            + program
            + " on the PATH (apt-get install "
            + debianPackage
            + ") ***\n");
    Assumptions.abort("no " + program + " on the PATH");
  }

  // Settings

  /**
   * The environment variables the WARs read: the settings their settings records describe, the keys
   * of their microprofile-config.properties and the names their main sources ask MicroProfile
   * Config (or the environment) for directly.
   */
  static Set<String> applicationSettings() throws IOException {
    Set<String> names = new TreeSet<>();
    describedSettings().forEach(setting -> names.add(setting.name()));
    for (String module : List.of("platform-war", "media-war")) {
      Path file =
          HOME.resolve(module + "/src/main/resources/META-INF/microprofile-config.properties");
      if (Files.exists(file)) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
          properties.load(in);
        }
        properties.stringPropertyNames().stream()
            .filter(name -> ENV_NAME.matcher(name).matches())
            .forEach(names::add);
      }
    }
    for (String module : List.of("common-jar", "platform-war", "media-war")) {
      Path sources = HOME.resolve(module + "/src/main/java");
      if (!Files.isDirectory(sources)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(sources)) {
        files = walk.filter(p -> p.toString().endsWith(".java")).toList();
      }
      for (Path file : files) {
        Matcher setting = SETTING_IN_JAVA.matcher(Files.readString(file));
        while (setting.find()) {
          if (ENV_NAME.matcher(setting.group(1)).matches()) {
            names.add(setting.group(1));
          }
        }
      }
    }
    return names;
  }

  /**
   * The settings the WARs describe: {@code all()} of each settings record, loaded from the WAR's
   * build output (the plain-Java record and its descriptions need nothing of the container).
   */
  static List<Setting<?>> describedSettings() throws IOException {
    List<Setting<?>> settings = new ArrayList<>();
    for (var entry : new java.util.TreeMap<>(SETTINGS_RECORDS).entrySet()) {
      Path classes = HOME.resolve(entry.getKey() + "/target/classes");
      Path file = classes.resolve(entry.getValue().replace('.', '/') + ".class");
      if (!Files.exists(file)) {
        continue;
      }
      try (URLClassLoader loader =
          new URLClassLoader(
              new URL[] {classes.toUri().toURL()}, DockerFilesIT.class.getClassLoader())) {
        Object all = loader.loadClass(entry.getValue()).getMethod("all").invoke(null);
        for (Object setting : (List<?>) all) {
          settings.add((Setting<?>) setting);
        }
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("cannot read the settings of " + entry.getValue(), e);
      }
    }
    assertFalse(settings.isEmpty(), "the WARs were built: " + SETTINGS_RECORDS.values());
    return settings;
  }

  /** The settings of the launcher itself: its KNOWN_SETTINGS list. */
  private static Set<String> launcherSettings() throws IOException {
    Matcher known =
        Pattern.compile("KNOWN_SETTINGS=\"([^\"]*)\"", Pattern.DOTALL)
            .matcher(Files.readString(HOME.resolve("streamgate")));
    assertTrue(known.find(), "streamgate lists its own settings in KNOWN_SETTINGS");
    Set<String> names = new TreeSet<>();
    Matcher name = ENV_NAME.matcher(known.group(1));
    while (name.find()) {
      names.add(name.group());
    }
    return names;
  }

  /**
   * Variables the Payara boot and logging files take from the environment: ${ENV=NAME} or
   * ${ENV=NAME:default}.
   */
  private static Set<String> bootFileVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    Pattern reference =
        Pattern.compile("\\$\\{(?:ENV|MPCONFIG)=([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\\}");
    List<Path> files;
    try (Stream<Path> list = Files.list(HOME.resolve("payara-config/src/main/payara"))) {
      files = list.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Matcher matcher = reference.matcher(Files.readString(file));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /**
   * The options Payara Micro takes from the environment, as payaramicro_&lt;option&gt;: read from
   * the very runtime the build uses, where it looks up payaramicro.&lt;option&gt; as a system
   * property and then, dots turned to underscores, as an environment variable.
   */
  private static Set<String> payaraMicroOptions() throws IOException {
    Path jar = HOME.resolve("target/payara-micro.jar");
    assertTrue(Files.exists(jar), jar + " exists after the build");
    try (ZipFile micro = new ZipFile(jar.toFile())) {
      ZipEntry core =
          micro.stream()
              .filter(e -> e.getName().matches("MICRO-INF/runtime/payara-micro-core-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no payara-micro-core in " + jar));
      try (ZipInputStream runtime = new ZipInputStream(micro.getInputStream(core))) {
        for (ZipEntry entry; (entry = runtime.getNextEntry()) != null; ) {
          if (entry.getName().equals("fish/payara/micro/impl/PayaraMicroImpl.class")) {
            Matcher option =
                Pattern.compile("payaramicro\\.([A-Za-z]+)")
                    .matcher(new String(runtime.readAllBytes(), ISO_8859_1));
            Set<String> names = new TreeSet<>();
            while (option.find()) {
              names.add("payaramicro_" + option.group(1));
            }
            return names;
          }
        }
      }
    }
    throw new AssertionError("no PayaraMicroImpl in " + jar);
  }

  /**
   * The section of DEPLOYMENT.md whose heading names the environment, with its subsections; the
   * whole guide when no heading does.
   */
  private static String environmentReference(String guide) {
    StringBuilder section = new StringBuilder();
    int level = 0;
    boolean inCode = false;
    for (String line : guide.split("\n")) {
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
      }
      int depth = inCode ? 0 : line.length() - line.replaceFirst("^#+", "").length();
      boolean heading = depth > 0 && line.substring(depth).startsWith(" ");
      if (heading && level > 0 && depth <= level) {
        break;
      }
      if (heading && level == 0 && line.toLowerCase().contains("environment")) {
        level = depth;
      }
      if (level > 0) {
        section.append(line).append('\n');
      }
    }
    return level > 0 ? section.toString() : guide;
  }

  private static boolean mentions(String text, String name) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
        .matcher(text)
        .find();
  }

  // Processes

  private static Result healthCheck(Path classes, String url)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return run(
        new ProcessBuilder(java, "-cp", classes.toString(), "HealthCheck", url)
            .redirectErrorStream(true),
        30);
  }

  private static Result run(ProcessBuilder builder, int seconds)
      throws IOException, InterruptedException {
    // Output goes to a file, so that a process that hangs cannot hang the test past its timeout.
    Path output = Files.createTempFile("docker-files-it", ".out");
    try {
      Process process = builder.redirectOutput(output.toFile()).start();
      process.getOutputStream().close();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", builder.command()) + " did not finish");
      }
      return new Result(process.exitValue(), Files.readString(output, UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }
}

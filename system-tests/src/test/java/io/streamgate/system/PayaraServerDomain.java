package io.streamgate.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Payara Server 6 domain of its own: created fresh under the test's work folder with the
 * distribution the build unpacked ({@code payara.server.home}), on a block of 100 free ports below
 * 32768, with an admin password as a production domain has, driven by that distribution's asadmin
 * on the running JDK. Closing it stops the server (killing it if it will not stop) and deletes the
 * domain.
 */
final class PayaraServerDomain implements AutoCloseable {

  static final Path PAYARA_HOME =
      Path.of(System.getProperty("payara.server.home", "target/payara-server/payara6"))
          .toAbsolutePath()
          .normalize();

  private static final String NAME = "streamgate-it";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * JVM options of asadmin, its keytools and the server: short-lived and starting JVMs spend most
   * of their CPU in the C2 compiler, and on two cores that is time taken from the server.
   */
  static final String QUICK_JVM = "-XX:TieredStopAtLevel=1";

  private final Path domains;
  private final Path passwordFile;
  private final int portBase;

  private PayaraServerDomain(Path domains, Path passwordFile, int portBase) {
    this.domains = domains;
    this.passwordFile = passwordFile;
    this.portBase = portBase;
  }

  /** Creates the domain (user admin, a random password in a password file) and starts it. */
  static PayaraServerDomain start(Path work) {
    if (!Files.isExecutable(PAYARA_HOME.resolve("bin/asadmin"))) {
      throw new AssertionError(
          "no Payara Server at " + PAYARA_HOME + " (the build unpacks it in pre-integration-test)");
    }
    Path domains = work.resolve("domains");
    deleteTree(domains);
    Path passwordFile = work.resolve("admin-password.txt");
    try {
      Files.createDirectories(work);
      Files.deleteIfExists(passwordFile);
      Files.createFile(
          passwordFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          passwordFile, "AS_ADMIN_PASSWORD=it-admin-" + Long.toHexString(RANDOM.nextLong()) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PayaraServerDomain domain = new PayaraServerDomain(domains, passwordFile, freePortBase());
    // create-domain runs keytool six times, each a JVM of its own that takes the options too.
    Map<String, String> createEnv = new HashMap<>(domain.asadminEnvironment());
    createEnv.put("JAVA_TOOL_OPTIONS", QUICK_JVM);
    domain.asadmin(
        createEnv,
        "create-domain",
        "--portbase",
        Integer.toString(domain.portBase),
        "--domaindir",
        domains.toString(),
        NAME);
    try {
      domain.bootQuickly();
      domain.asadmin("start-domain", "--domaindir", domains.toString(), NAME);
    } catch (AssertionError e) {
      domain.close();
      throw e;
    }
    return domain;
  }

  /**
   * Adds {@value #QUICK_JVM} to the server's JVM options, before its first start: a server JVM that
   * compiles with C1 only boots and deploys in about half the time on a small, busy machine, and no
   * test here measures its peak throughput. Written into the new domain.xml, as no asadmin command
   * changes a domain that does not run.
   */
  private void bootQuickly() {
    Path domainXml = domainDir().resolve("config/domain.xml");
    String server = "<jvm-options>-server</jvm-options>";
    try {
      String xml = Files.readString(domainXml);
      int config = xml.indexOf("<config name=\"server-config\"");
      int option = config < 0 ? -1 : xml.indexOf(server, config);
      if (option < 0) {
        throw new AssertionError("no " + server + " in server-config of " + domainXml);
      }
      int end = option + server.length();
      Files.writeString(
          domainXml,
          xml.substring(0, end)
              + "<jvm-options>"
              + QUICK_JVM
              + "</jvm-options>"
              + xml.substring(end));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves what a new domain opens on every address (admin, HTTPS and IIOP listeners, JMX) to
   * 127.0.0.1 and switches the unused JMS broker off; from the next restart on. http-listener-1 and
   * the data grid are left to deploy-streamgate.sh.
   */
  void keepToLoopback() {
    String config = "configs.config.server-config.";
    String listeners = config + "network-config.network-listeners.network-listener.";
    String iiop = config + "iiop-service.iiop-listener.";
    asadmin(
        "set",
        listeners + "admin-listener.address=127.0.0.1",
        listeners + "http-listener-2.address=127.0.0.1",
        iiop + "orb-listener-1.address=127.0.0.1",
        iiop + "SSL.address=127.0.0.1",
        iiop + "SSL_MUTUALAUTH.address=127.0.0.1",
        config + "admin-service.jmx-connector.system.address=127.0.0.1",
        config + "jms-service.type=DISABLED");
  }

  /**
   * The ports a domain created with a port base uses (create-domain's list): admin +48, HTTP +80,
   * HTTPS +81, IIOP +37 to +39, JMS +76, JMX +86, OSGi shell +66, data grid +49 and +59.
   */
  List<Integer> ports() {
    return Stream.of(9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86)
        .map(offset -> portBase + offset)
        .toList();
  }

  int adminPort() {
    return portBase + 48;
  }

  int httpPort() {
    return portBase + 80;
  }

  Path domainDir() {
    return domains.resolve(NAME);
  }

  String serverLog() {
    try {
      return Files.readString(domainDir().resolve("logs/server.log"));
    } catch (IOException e) {
      return "(no server log: " + e + ")";
    }
  }

  /**
   * The environment asadmin needs and nothing else from the test's: the running JDK and this
   * domain's admin address, user and password file.
   */
  Map<String, String> asadminEnvironment() {
    return Map.of(
        "AS_JAVA", System.getProperty("java.home"),
        "AS_EXTRA_JAVA_OPTS", QUICK_JVM,
        "AS_ADMIN_HOST", "127.0.0.1",
        "AS_ADMIN_PORT", Integer.toString(adminPort()),
        "AS_ADMIN_USER", "admin",
        "AS_ADMIN_PASSWORDFILE", passwordFile.toString(),
        "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
  }

  /** Runs an asadmin subcommand against this domain; returns its output, fails on an error. */
  String asadmin(String... arguments) {
    return asadmin(asadminEnvironment(), arguments);
  }

  private String asadmin(Map<String, String> env, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(PAYARA_HOME.resolve("bin/asadmin").toString());
    command.add("--interactive=false");
    command.addAll(List.of(arguments));
    Result result = run(command, env, Duration.ofMinutes(5));
    if (result.exitCode() != 0) {
      throw new AssertionError("asadmin " + arguments[0] + " failed:\n" + result.output());
    }
    return result.output();
  }

  /** What a command printed (standard output and error) and its exit status. */
  record Result(int exitCode, String output, Duration took) {}

  /**
   * Runs a command with exactly {@code env}, its output into a file (a server it starts may keep a
   * pipe open), and kills it with everything it started if it runs past {@code limit}.
   */
  static Result run(List<String> command, Map<String, String> env, Duration limit) {
    long started = System.nanoTime();
    try {
      Path output = Files.createTempFile("command", ".out");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError(
              "not done within " + limit + ": " + command + "\n" + Files.readString(output));
        }
        return new Result(
            process.exitValue(),
            Files.readString(output),
            Duration.ofNanos(System.nanoTime() - started));
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the server, kills it if it is still there, and deletes the domain. */
  @Override
  public void close() {
    Optional<ProcessHandle> server = serverProcess();
    String domainDir = domains.toString();
    Result stop =
        run(
            List.of(
                PAYARA_HOME.resolve("bin/asadmin").toString(),
                "--interactive=false",
                "stop-domain",
                "--domaindir",
                domainDir,
                NAME),
            asadminEnvironment(),
            Duration.ofMinutes(2));
    if (stop.exitCode() != 0) {
      System.err.println("PayaraServerDomain: stop-domain failed, killing:\n" + stop.output());
    }
    server.ifPresent(
        process -> {
          if (process.isAlive()) {
            process.destroyForcibly();
            process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
          }
        });
    // What delete-domain would do, without starting asadmin once more for it.
    deleteTree(domains);
    try {
      Files.deleteIfExists(passwordFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running server, from the pid file its domain keeps. */
  private Optional<ProcessHandle> serverProcess() {
    try {
      Path pid = domainDir().resolve("config/pid");
      return Files.exists(pid)
          ? ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
          : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * A multiple of 100 between 20000 and 32600 whose 100 ports are free on every address: a domain
   * uses portbase+9 to portbase+86, and some of them on every address until told otherwise.
   */
  private static int freePortBase() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int base = (200 + RANDOM.nextInt(126)) * 100;
      boolean free = true;
      for (int port = base; port < base + 100 && free; port++) {
        free = free(port);
      }
      if (free) {
        return base;
      }
    }
    throw new IllegalStateException("no block of 100 free ports between 20000 and 32699");
  }

  /** Free on every address: a socket on the wildcard address collides with any other. */
  private static boolean free(int port) {
    try (ServerSocket any = new ServerSocket(port)) {
      return any.getLocalPort() == port;
    } catch (IOException taken) {
      return false;
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

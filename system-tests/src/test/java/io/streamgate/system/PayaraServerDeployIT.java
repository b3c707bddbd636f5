package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * StreamGate on a full Payara Server 6, deployed the way an operator does it: a new domain of the
 * distribution the project builds against, then payara-config's deploy-streamgate.sh against it
 * with a new PostgreSQL database, checked over HTTP. The domain listens on 127.0.0.1 with a data
 * grid of its own, and is stopped and deleted afterwards, also when something failed.
 */
class PayaraServerDeployIT {

  private static final Path HOME =
      Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath().normalize();
  private static final Path SCRIPT =
      HOME.resolve("payara-config/src/main/payara-server/deploy-streamgate.sh");

  // Characters a password file and asadmin's own syntax treat specially, all of them arriving.
  private static final String ADMIN_PASSWORD = "server admin: \\ " + UUID.randomUUID();
  private static final String INTERNAL_API_KEY = "server\\internal:key=\"" + UUID.randomUUID();
  private static final String SIGNING_KEY_ENCRYPTION_KEY = "signing:key=\\ " + UUID.randomUUID();

  /** Unused by the trusting loopback PostgreSQL. */
  private static final String DB_PASSWORD = "db:pass=word \\ " + UUID.randomUUID();

  private static String database;
  private static String cluster;
  private static PayaraServerDomain domain;
  private static PayaraServerDomain.Result deployed;
  private static final HttpClient HTTP = TestHttp.client();

  @BeforeAll
  static void deploy() throws SQLException, IOException {
    database = Postgres.createDatabase("sg_server_");
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve("server");
    long started = System.nanoTime();
    domain = PayaraServerDomain.start(work);
    Duration domainReady = Duration.ofNanos(System.nanoTime() - started);
    domain.keepToLoopback();
    cluster = "sg-server-it-" + domain.adminPort();

    Map<String, String> env = new HashMap<>(domain.asadminEnvironment());
    env.put("PAYARA_HOME", PayaraServerDomain.PAYARA_HOME.toString());
    env.put("DB_HOST", "127.0.0.1");
    env.put("DB_NAME", database);
    env.put("DB_USER", "postgres");
    env.put("DB_PASSWORD", DB_PASSWORD);
    env.put("INTERNAL_API_KEY", INTERNAL_API_KEY);
    env.put("SIGNING_KEY_ENCRYPTION_KEY", SIGNING_KEY_ENCRYPTION_KEY);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    env.put("STREAMGATE_DATA_DIR", work.resolve("data").toAbsolutePath().toString());
    // A media server with nothing to serve does not start.
    env.put("STREAM_ROOT", Files.createDirectories(work.resolve("streams")).toString());
    env.put("STREAMGATE_CLUSTER_NAME", cluster);
    env.put("STREAMGATE_GRID_INTERFACE", "127.0.0.1");
    env.put("STREAMGATE_BIND_ADDRESS", "127.0.0.1");
    deployed =
        script(
            env,
            "--platform-war",
            HOME.resolve("platform-war/target/platform.war").toString(),
            "--media-war",
            HOME.resolve("media-war/target/media.war").toString(),
            "--driver",
            HOME.resolve("target/postgresql.jar").toString());
    assertEquals(0, deployed.exitCode(), deployed.output() + tail(domain.serverLog()));
    try {
      Eventually.await(
          "StreamGate on Payara Server is ready",
          Duration.ofSeconds(90),
          () -> {
            try {
              return get("/health/ready").statusCode() == 200;
            } catch (UncheckedIOException notYet) {
              return false;
            }
          });
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + tail(domain.serverLog()), e);
    }
    System.out.print(deployed.output());
    System.out.printf(
        "PayaraServerDeployIT: domain created and started in %d s, deploy-streamgate.sh took %d s,"
            + " ready after %d s in all%n",
        domainReady.toSeconds(),
        deployed.took().toSeconds(),
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  @AfterAll
  static void removeDomain() throws SQLException {
    if (domain != null) {
      domain.close();
    }
    Postgres.dropDatabase(database);
  }

  @Test
  void readyOnPostgresqlThroughTheDomainsPoolInADataGridOfItsOwn() {
    HttpResponse<String> ready = get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"product\":\"PostgreSQL\""), ready.body());
    assertTrue(
        ready.body().contains("\"cluster\":\"" + GridFingerprint.of(cluster) + "\""), ready.body());
    assertFalse(ready.body().contains(cluster), "the health endpoint names the grid");
    assertTrue(ready.body().contains("\"public-keys-loaded\",\"status\":\"UP\""), ready.body());
  }

  @Test
  void nothingOfTheDomainAnswersOnAnAddressOtherThanLoopback() throws SocketException {
    Optional<InetAddress> other =
        NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address)
            .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
            .findFirst();
    Assumptions.assumeTrue(other.isPresent(), "this machine has no address but loopback");
    for (int port : domain.ports()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(other.get(), port), 2000);
        fail("port " + port + " answers on " + other.get().getHostAddress());
      } catch (IOException refused) {
        // as it should
      }
    }
  }

  @Test
  void theViewerPortalAnswersWithoutAdvertisingTheServer() {
    HttpResponse<String> portal = get("/");
    assertEquals(200, portal.statusCode());
    assertTrue(portal.body().contains("Watch Now"), portal.body());
    assertEquals(List.of(), portal.headers().allValues("X-Powered-By"), "xpowered-by is off");
    assertEquals(List.of(), portal.headers().allValues("Server"), "server-header is off");
  }

  @Test
  void theMediaServerRefusesAStreamWithoutAToken() {
    assertEquals(401, get("/streams/demo/master.m3u8").statusCode());
  }

  @Test
  void anAdminLogsInWithThePasswordGivenToTheScript() {
    assertEquals(200, login(ADMIN_PASSWORD).statusCode());
    assertEquals(401, login(ADMIN_PASSWORD + "-wrong").statusCode());
  }

  @Test
  void secretsBecomePasswordAliasesThatTheApplicationsReadAndNothingShowsThem() throws IOException {
    HttpResponse<String> feed =
        send(
            HttpRequest.newBuilder(uri("/api/revocations?since=2020-01-01T00:00:00Z"))
                .header("X-Internal-Api-Key", INTERNAL_API_KEY));
    assertEquals(200, feed.statusCode(), "INTERNAL_API_KEY reached the platform: " + feed.body());
    String domainXml = Files.readString(domain.domainDir().resolve("config/domain.xml"));
    for (String secret :
        List.of(ADMIN_PASSWORD, INTERNAL_API_KEY, SIGNING_KEY_ENCRYPTION_KEY, DB_PASSWORD)) {
      assertFalse(deployed.output().contains(secret), "the script printed a secret");
      assertFalse(domainXml.contains(secret), "domain.xml holds a secret");
    }
    assertTrue(domainXml.contains("${ALIAS=streamgate-db-password}"), "the pool uses the alias");
  }

  @Test
  void theSigningKeyIsStoredEncryptedWithTheKeyFromItsPasswordAlias() throws SQLException {
    StoredSigningKeys keys = new StoredSigningKeys(SIGNING_KEY_ENCRYPTION_KEY);
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:postgresql://" + Postgres.SERVER + "/" + database, "postgres", "");
        ResultSet rows =
            db.createStatement().executeQuery("SELECT kid, private_jwk FROM signing_key")) {
      assertTrue(rows.next(), "a signing key was created");
      String stored = rows.getString(2);
      assertTrue(stored.startsWith(StoredSigningKeys.PREFIX), "stored encrypted");
      assertTrue(keys.open(rows.getString(1), stored).contains("\"d\""), "with the alias's key");
    }
  }

  @Test
  void runningItAgainChangesNothingThatNeedsARestartAndRedeploys() {
    Map<String, String> env = new HashMap<>(domain.asadminEnvironment());
    env.put("PAYARA_HOME", PayaraServerDomain.PAYARA_HOME.toString());
    env.put("STREAMGATE_BIND_ADDRESS", "127.0.0.1");
    env.put("STREAMGATE_CLUSTER_NAME", cluster);
    PayaraServerDomain.Result again =
        script(
            env,
            "--media-war",
            HOME.resolve("media-war/target/media.war").toString(),
            "--no-restart");
    assertEquals(0, again.exitCode(), again.output());
    assertTrue(
        again.output().contains("http-listener-1: settings already in place"), again.output());
    assertTrue(again.output().contains("deployed streamgate-media at /streams"), again.output());
    assertEquals(401, get("/streams/demo/master.m3u8").statusCode());
  }

  private static PayaraServerDomain.Result script(Map<String, String> env, String... arguments) {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    return PayaraServerDomain.run(command, env, Duration.ofMinutes(10));
  }

  private static HttpResponse<String> login(String password) {
    String body =
        Json.createObjectBuilder()
            .add("username", "admin")
            .add("password", password)
            .build()
            .toString();
    return send(
        HttpRequest.newBuilder(uri("/api/admin/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + domain.httpPort() + path);
  }

  private static HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return TestHttp.send(HTTP, request);
  }

  private static String tail(String log) {
    return "\n--- end of the server log ---\n" + log.substring(Math.max(0, log.length() - 6000));
  }
}

package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokenSigner;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets at rest with the launcher, on an instance of its own that is started three times on the
 * same data folder (the second and third time the platform alone: only it keeps keys): private
 * signing keys are stored encrypted with the generated {@code SIGNING_KEY_ENCRYPTION_KEY}, a
 * retired key keeps only its public half, a database from before (plain keys, a retired key with
 * its private half, a data folder everyone can read) is put right at the next start, and a wrong
 * key stops the start with one line instead of minting new keys.
 */
class KeysAtRestIT {

  private static final String NAME = "keys-at-rest";
  private static final Map<String, String> PLATFORM_ONLY = Map.of("STREAMGATE_ROLE", "platform");

  @Test
  void signingKeysAreEncryptedRetiredOnesLoseTheirPrivateHalfAndTheDataFolderIsPrivate()
      throws Exception {
    Path work = Path.of(System.getProperty("streamgate.work", "target/system")).resolve(NAME);
    deleteRecursively(work);
    Path data = work.resolve("data");
    String activeKid;

    try (LaunchedStreamGate first = LaunchedStreamGate.start(NAME, Map.of())) {
      assertEquals(data.toAbsolutePath(), first.dataDir().toAbsolutePath());
      assertPrivate(data);
      StoredSigningKeys keys = keys(data);
      Map<String, String> stored = storedKeys(data);
      assertEquals(1, stored.size(), stored.keySet().toString());
      String firstKid = stored.keySet().iterator().next();
      assertEncrypted(keys, firstKid, stored.get(firstKid));

      // A viewer's token, verified and remembered by the platform and by the media server.
      ViewerApi viewer = new ViewerApi(first);
      String token = ViewerApi.token(viewer.redeem(first.demoCodes().get(1)));
      MediaClient media = new MediaClient(first);
      assertEquals(200, viewer.withToken("/api/playback/heartbeat", token).statusCode());
      assertEquals(200, media.get("/streams/demo/master.m3u8", token).statusCode());

      AdminApi admin = new AdminApi(first).loggedIn();
      activeKid =
          admin
              .json(201, admin.send("POST", "/api/admin/keys", null))
              .getJsonObject("data")
              .getString("kid");
      admin.json(200, admin.send("POST", "/api/admin/keys/" + firstKid + "/retire", null));

      // Refused at once, although it was verified before its key was retired.
      assertEquals(401, viewer.withToken("/api/playback/heartbeat", token).statusCode());
      // The media server drops the key at its next fetch of the platform's keys, which a token
      // naming a key it does not know triggers (at most once a second).
      PlaybackTokenSigner stranger =
          new PlaybackTokenSigner(new RSAKeyGenerator(2048).keyID("unknown").generate());
      Eventually.await(
          "the media server refuses the retired key's remembered token",
          Duration.ofSeconds(10),
          () -> {
            Instant now = Instant.now();
            String unknownKey =
                stranger.sign(PlaybackClaims.probe("demo", now, now.plusSeconds(10)));
            media.get("/streams/demo/master.m3u8", unknownKey);
            return media.get("/streams/demo/master.m3u8", token).statusCode() == 403;
          });
      stored = storedKeys(data);
      assertNull(stored.get(firstKid), "a retired key keeps only its public half");
      assertEncrypted(keys, activeKid, stored.get(activeKid));
    }

    // As a database written before encryption: the active key in plain JWK JSON, a retired key
    // that kept its private half, and a data folder and secrets that every local user can read.
    String plainJwk = keys(data).open(activeKid, storedKeys(data).get(activeKid));
    RSAKey legacy = new RSAKeyGenerator(2048).keyID("legacy-retired").generate();
    try (Connection db = connect(data)) {
      update(db, "UPDATE signing_key SET private_jwk = ? WHERE kid = ?", plainJwk, activeKid);
      update(
          db,
          "INSERT INTO signing_key (kid, public_jwk, private_jwk, created_at, retired_at)"
              + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
          legacy.getKeyID(),
          legacy.toPublicJWK().toJSONString(),
          legacy.toJSONString());
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String secret : List.of("admin-password", "signing-key-encryption-key")) {
      Files.setPosixFilePermissions(
          data.resolve(secret), PosixFilePermissions.fromString("rw-r--r--"));
    }

    try (LaunchedStreamGate second = LaunchedStreamGate.start(NAME, PLATFORM_ONLY)) {
      assertPrivate(data);
      Map<String, String> stored = storedKeys(data);
      assertEncrypted(keys(data), activeKid, stored.get(activeKid));
      assertTrue(stored.containsKey("legacy-retired"));
      assertNull(stored.get("legacy-retired"), "the retired key's private half is gone");
      assertEquals(3, stored.size(), "no key was minted: " + stored.keySet());
      HttpResponse<String> published = second.get("/api/keys");
      assertTrue(published.body().contains("\"" + activeKid + "\""), published.body());
      // The demo was seeded once, on the first start: the restart added no codes.
      AdminApi seeded = new AdminApi(second).loggedIn();
      for (String event : List.of("demo", "demo-upcoming", "demo-ended")) {
        JsonObject seed = seeded.get("/api/admin/events/" + event).getJsonObject("data");
        assertEquals(10, seed.getInt("tokenCount"), event);
      }
      assertEquals(5, second.demoCodes().size());
      String code = second.demoCodes().get(0);
      HttpResponse<String> redeemed = new ViewerApi(second).redeem(code);
      assertEquals(200, redeemed.statusCode(), "the re-encrypted key signs: " + redeemed.body());
      // The newest key, which the start with a wrong encryption key below fails to open first.
      activeKid = retiredKeysStayRetiredWhenARotationRunsAtTheSameTime(second);
    }

    String wrong = "a-wrong-key-of-more-than-32-characters-0123";
    Map<String, String> before = storedKeys(data);
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () ->
                LaunchedStreamGate.start(
                    NAME,
                    Map.of("SIGNING_KEY_ENCRYPTION_KEY", wrong, "STREAMGATE_ROLE", "platform")));
    String output = Files.readString(work.resolve("launcher.out"), StandardCharsets.UTF_8);
    List<String> lines =
        output
            .lines()
            .filter(line -> line.startsWith("streamgate: "))
            .filter(line -> !line.startsWith("streamgate: starting"))
            .toList();
    assertEquals(
        List.of(
            "streamgate: SIGNING_KEY_ENCRYPTION_KEY does not decrypt the playback signing key "
                + activeKid
                + " in the database; set the key it was encrypted with"),
        lines,
        refused.getMessage());
    assertFalse(output.contains(wrong), "the key is not echoed");
    assertEquals(before, storedKeys(data), "nothing changed, no key was minted");
  }

  /** Only the owner may enter the data folder or read the secrets and the database in it. */
  private static void assertPrivate(Path data) throws IOException {
    assertEquals(
        "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)), "data");
    for (String file :
        List.of(
            "admin-password", "internal-api-key", "signing-key-encryption-key", "demo-codes.txt")) {
      assertEquals(
          "rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(file))),
          file);
    }
    try (Stream<Path> db = Files.walk(data.resolve("db"))) {
      for (Path path : db.toList()) {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        assertTrue(
            permissions.stream().allMatch(p -> p.name().startsWith("OWNER")),
            path + " " + PosixFilePermissions.toString(permissions));
      }
    }
  }

  private static void assertEncrypted(StoredSigningKeys keys, String kid, String stored) {
    assertTrue(stored.startsWith(StoredSigningKeys.PREFIX), kid + " is stored encrypted");
    assertFalse(stored.contains("\"d\""), "no private exponent in the clear");
    String jwk = keys.open(kid, stored);
    assertTrue(
        jwk.contains("\"d\"") && jwk.contains("\"" + kid + "\""), "opens to the private key");
  }

  private static StoredSigningKeys keys(Path data) throws IOException {
    return new StoredSigningKeys(
        Files.readString(data.resolve("signing-key-encryption-key"), StandardCharsets.UTF_8)
            .strip());
  }

  /** kid to stored private half (null when there is none), oldest first. */
  private static Map<String, String> storedKeys(Path data) throws SQLException {
    Map<String, String> keys = new LinkedHashMap<>();
    try (Connection db = connect(data);
        PreparedStatement select =
            db.prepareStatement("SELECT kid, private_jwk FROM signing_key ORDER BY created_at")) {
      ResultSet rows = select.executeQuery();
      while (rows.next()) {
        keys.put(rows.getString(1), rows.getString(2));
      }
    }
    return keys;
  }

  private static Connection connect(Path data) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + data.resolve("db/streamgate").toAbsolutePath() + ";AUTO_SERVER=TRUE",
        "",
        "");
  }

  private static void update(Connection db, String sql, String... parameters) throws SQLException {
    try (PreparedStatement update = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      assertEquals(1, update.executeUpdate(), sql);
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> paths = Files.walk(folder)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /**
   * A rotation and a retirement at the same moment: each applied the active keys it had read before
   * either committed, so a rotation could publish again the key just retired. Racing them a few
   * times met that within 20 rounds before key changes took a lock and applied their keys in order.
   */
  private static String retiredKeysStayRetiredWhenARotationRunsAtTheSameTime(LaunchedStreamGate sg)
      throws Exception {
    AdminApi admin = new AdminApi(sg).loggedIn();
    String newest = null;
    for (int round = 0; round < 12; round++) {
      String kid =
          admin
              .json(201, admin.send("POST", "/api/admin/keys", null))
              .getJsonObject("data")
              .getString("kid");
      CompletableFuture<HttpResponse<String>> rotation =
          CompletableFuture.supplyAsync(() -> admin.send("POST", "/api/admin/keys", null));
      admin.json(200, admin.send("POST", "/api/admin/keys/" + kid + "/retire", null));
      newest = admin.json(201, rotation.get()).getJsonObject("data").getString("kid");
      String published = sg.get("/api/keys").body();
      assertFalse(published.contains("\"" + kid + "\""), "round " + round + ": " + published);
    }
    return newest;
  }
}

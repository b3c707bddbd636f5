package io.streamgate.system;

import com.nimbusds.jose.jwk.RSAKey;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.common.playback.PlaybackTokenSigner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Test data written straight into the running instance's database: each test makes its own events,
 * codes and console users in exactly the state it needs (expired, revoked, inactive), and reads
 * back what the instance stored (sessions, audit entries, the signing key).
 */
final class Fixtures {

  private final String jdbcUrl;
  private final String user;
  private final Path dataDir;
  private final AccessCodeCodec codec = new AccessCodeCodec();

  /**
   * @param jdbcUrl the instance's database
   * @param user the database user; the password is empty
   * @param dataDir the instance's data folder, where the launcher keeps the key that encrypts the
   *     private signing keys in the database ({@code signing-key-encryption-key})
   */
  Fixtures(String jdbcUrl, String user, Path dataDir) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.dataDir = dataDir;
  }

  /** A live, active event (started an hour ago, ends in two) with a 48-hour access window. */
  String liveEvent() throws SQLException {
    Instant now = Instant.now();
    return event(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), 48, true);
  }

  String event(Instant start, Instant end, int windowHours, boolean active) throws SQLException {
    String id = UUID.randomUUID().toString();
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO event (id, title, starts_at, ends_at, access_window_hours, active,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, "Test event " + id.substring(0, 8));
      insert.setObject(3, utc(start));
      insert.setObject(4, utc(end));
      insert.setInt(5, windowHours);
      insert.setBoolean(6, active);
      insert.setObject(7, utc(Instant.now()));
      insert.setObject(8, utc(Instant.now()));
      insert.executeUpdate();
    }
    return id;
  }

  /** A fresh code for the event, expiring in two days. */
  String code(String eventId) throws SQLException {
    return code(eventId, Instant.now().plus(Duration.ofDays(2)), false);
  }

  String code(String eventId, Instant expiresAt, boolean revoked) throws SQLException {
    String code = codec.generate();
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO access_code (id, code, event_id, revoked, revoked_at, expires_at,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, code);
      insert.setString(3, eventId);
      insert.setBoolean(4, revoked);
      insert.setObject(5, revoked ? utc(Instant.now()) : null);
      insert.setObject(6, utc(expiresAt));
      insert.setObject(7, utc(Instant.now()));
      insert.executeUpdate();
    }
    return code;
  }

  /** A signer with the platform's signing key: tests mint tokens of every kind themselves. */
  PlaybackTokenSigner signer() throws SQLException {
    return new PlaybackTokenSigner(signingKey());
  }

  /**
   * The platform's newest signing key that is not retired, with its private half: decrypted with
   * the key in the data folder.
   */
  RSAKey signingKey() throws SQLException {
    try (Connection db = connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT kid, private_jwk FROM signing_key WHERE retired_at IS NULL"
                    + " ORDER BY created_at DESC")) {
      ResultSet row = select.executeQuery();
      row.next();
      String setting =
          Files.readString(dataDir.resolve("signing-key-encryption-key"), StandardCharsets.UTF_8);
      return RSAKey.parse(
          new StoredSigningKeys(setting.strip()).open(row.getString(1), row.getString(2)));
    } catch (java.text.ParseException | IOException e) {
      throw new IllegalStateException("unreadable signing key", e);
    }
  }

  /** When the code was first redeemed, or null. */
  Instant redeemedAt(String code) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select =
            db.prepareStatement("SELECT redeemed_at FROM access_code WHERE code = ?")) {
      select.setString(1, code);
      ResultSet row = select.executeQuery();
      row.next();
      OffsetDateTime at = row.getObject(1, OffsetDateTime.class);
      return at == null ? null : at.toInstant();
    }
  }

  /**
   * A console user with this role and password, hashed the way the platform stores passwords
   * (PBKDF2 with HMAC-SHA-256, in Jakarta Security's format; few iterations, it is a test).
   */
  void adminUser(String username, String password, String role) throws Exception {
    byte[] salt = new byte[16];
    new java.security.SecureRandom().nextBytes(salt);
    int iterations = 1024;
    byte[] hash =
        javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(
                new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 256))
            .getEncoded();
    java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO admin_user (id, username, password_hash, role, active, created_at)"
                    + " VALUES (?, ?, ?, ?, TRUE, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, username);
      insert.setString(
          3,
          "PBKDF2WithHmacSHA256:"
              + iterations
              + ":"
              + base64.encodeToString(salt)
              + ":"
              + base64.encodeToString(hash));
      insert.setString(4, role);
      insert.setObject(5, utc(Instant.now()));
      insert.executeUpdate();
    }
  }

  /** The code's id, the admin API's handle for it. */
  String codeId(String code) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select =
            db.prepareStatement("SELECT id FROM access_code WHERE code = ?")) {
      select.setString(1, code);
      ResultSet row = select.executeQuery();
      row.next();
      return row.getString(1);
    }
  }

  /** When the code's session last showed a sign of life; null without a session. */
  Instant lastHeartbeat(String code) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT s.last_heartbeat FROM viewer_session s"
                    + " JOIN access_code c ON c.id = s.access_code_id WHERE c.code = ?")) {
      select.setString(1, code);
      ResultSet row = select.executeQuery();
      if (!row.next()) {
        return null;
      }
      return row.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  /**
   * The quality figures of the viewing record of the code's current session: start-up ms (0 when
   * none), stalls, stalled ms, network errors.
   */
  List<Long> qualityOf(String code) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT COALESCE(r.startup_ms, 0), r.stalls, r.stalled_ms, r.errors_network"
                    + " FROM viewing_record r JOIN viewer_session s ON s.session_id = r.session_id"
                    + " JOIN access_code c ON c.id = s.access_code_id WHERE c.code = ?")) {
      select.setString(1, code);
      ResultSet row = select.executeQuery();
      if (!row.next()) {
        throw new IllegalStateException("the code's session has no viewing record");
      }
      return List.of(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
    }
  }

  /**
   * A finished viewing record of the event, as a session would leave it: from {@code start} for
   * {@code seconds}, with that start-up time and rendition segments ({@code 720p=40;360p=5}).
   */
  void viewingRecord(
      String eventId, Instant start, int seconds, int startupMs, String renditions, String browser)
      throws SQLException {
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO viewing_record (session_id, event_id, device_key, browser, started_at,"
                    + " last_seen_at, ended_at, end_reason, startup_ms, stalled_ms, errors_network,"
                    + " renditions) VALUES (?, ?, ?, ?, ?, ?, ?, 'released', ?, ?, ?, ?)")) {
      String sessionId = UUID.randomUUID().toString();
      insert.setString(1, sessionId);
      insert.setString(2, eventId);
      insert.setString(3, sessionId.replace("-", ""));
      insert.setString(4, browser);
      insert.setObject(5, utc(start));
      insert.setObject(6, utc(start.plusSeconds(seconds)));
      insert.setObject(7, utc(start.plusSeconds(seconds)));
      insert.setInt(8, startupMs);
      insert.setLong(9, seconds * 10L);
      insert.setInt(10, startupMs > 2000 ? 1 : 0);
      insert.setString(11, renditions);
      insert.executeUpdate();
    }
  }

  /** A viewing record of a session watching now: started a minute ago, heard from just now. */
  void watchingRecord(String eventId) throws SQLException {
    Instant now = Instant.now();
    try (Connection db = connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO viewing_record (session_id, event_id, device_key, browser, started_at,"
                    + " last_seen_at) VALUES (?, ?, ?, 'Chrome', ?, ?)")) {
      String sessionId = UUID.randomUUID().toString();
      insert.setString(1, sessionId);
      insert.setString(2, eventId);
      insert.setString(3, sessionId.replace("-", ""));
      insert.setObject(4, utc(now.minusSeconds(60)));
      insert.setObject(5, utc(now));
      insert.executeUpdate();
    }
  }

  /** Moves the moment an attendee's ticket was sent back, instead of waiting. */
  void ageSentTicket(String attendeeId, Duration by) throws SQLException {
    try (Connection db = connect();
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE attendee SET sent_at = ? WHERE id = ? AND sent_at IS NOT NULL")) {
      update.setObject(1, utc(Instant.now().minus(by)));
      update.setString(2, attendeeId);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("the attendee's ticket was not sent");
      }
    }
  }

  /**
   * Makes the code's session look as if its device went quiet {@code by} earlier than it did: what
   * a device that stopped sending heartbeats looks like to the platform, without waiting for it.
   */
  void ageSession(String code, Duration by) throws SQLException {
    Instant last = lastHeartbeat(code);
    try (Connection db = connect();
        PreparedStatement update =
            db.prepareStatement(
                "UPDATE viewer_session SET last_heartbeat = ? WHERE access_code_id ="
                    + " (SELECT id FROM access_code WHERE code = ?)")) {
      update.setObject(1, utc(last.minus(by)));
      update.setString(2, code);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("the code has no session");
      }
    }
  }

  int sessionsOf(String code) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM viewer_session s JOIN access_code c ON c.id = s.access_code_id"
            + " WHERE c.code = ?",
        code);
  }

  int auditEntries(String action, String target) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM audit_entry WHERE action = ? AND target = ?", action, target);
  }

  /** Moves the expiry of the (one) enrollment code for that device name into the past. */
  void expireEnrollmentCode(String deviceName) throws SQLException {
    update(
        "UPDATE enrollment_code SET expires_at = created_at - INTERVAL '1' MINUTE"
            + " WHERE device_name = ?",
        deviceName);
  }

  void label(String code, String label) throws SQLException {
    update(
        "UPDATE access_code SET label = ?, label_key = LOWER(?) WHERE code = ?",
        label,
        label,
        code);
  }

  void entryPlaylist(String eventId, String name) throws SQLException {
    update("UPDATE event SET entry_playlist = ? WHERE id = ?", name, eventId);
  }

  void retitle(String eventId, String title) throws SQLException {
    update("UPDATE event SET title = ? WHERE id = ?", title, eventId);
  }

  private void update(String sql, String... parameters) throws SQLException {
    try (Connection db = connect();
        PreparedStatement update = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setString(i + 1, parameters[i]);
      }
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("no row for " + String.join(", ", parameters));
      }
    }
  }

  int auditEntriesBy(String actor, String action, String target) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM audit_entry WHERE actor = ? AND action = ? AND target = ?",
        actor,
        action,
        target);
  }

  int codesOf(String eventTitle) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM access_code c JOIN event e ON e.id = c.event_id WHERE e.title = ?",
        eventTitle);
  }

  int codesOfEvent(String eventId) throws SQLException {
    return count("SELECT COUNT(*) FROM access_code WHERE event_id = ?", eventId);
  }

  int eventsTitled(String title) throws SQLException {
    return count("SELECT COUNT(*) FROM event WHERE title = ?", title);
  }

  int auditEntriesMentioning(String text) throws SQLException {
    String like = "%" + text + "%";
    return count(
        "SELECT COUNT(*) FROM audit_entry WHERE target LIKE ? OR details LIKE ?", like, like);
  }

  private int count(String sql, String... parameters) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      ResultSet row = select.executeQuery();
      row.next();
      return row.getInt(1);
    }
  }

  /** Every row the query selects, as text: to compare the rows before and after. */
  String rows(String sql, String... parameters) throws SQLException {
    try (Connection db = connect();
        PreparedStatement select = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      ResultSet rows = select.executeQuery();
      StringBuilder text = new StringBuilder();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          text.append(rows.getString(i)).append('|');
        }
        text.append('\n');
      }
      return text.toString();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, "");
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}

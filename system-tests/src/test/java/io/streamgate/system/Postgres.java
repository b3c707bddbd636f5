package io.streamgate.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's PostgreSQL (loopback, user postgres) for tests that need one: without it a test
 * class is skipped loudly, or fails when {@code streamgate.require.postgres} is true (CI).
 */
final class Postgres {

  static final String SERVER = "127.0.0.1:5432";

  private Postgres() {}

  /** Creates an empty database of a fresh name starting with {@code prefix}; returns the name. */
  static String createDatabase(String prefix) throws SQLException {
    String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  /** Drops the database, even with sessions still open; nothing if {@code name} is null. */
  static void dropDatabase(String name) throws SQLException {
    if (name == null) {
      return;
    }
    try (Connection admin = admin();
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  /** A connection to the maintenance database, for creating and dropping test databases. */
  static Connection admin() throws SQLException {
    String url = "jdbc:postgresql://" + SERVER + "/postgres";
    try {
      return DriverManager.getConnection(url, "postgres", "");
    } catch (SQLException e) {
      if (Boolean.getBoolean("streamgate.require.postgres")) {
        throw new AssertionError("PostgreSQL is required but cannot be reached at " + url, e);
      }
      System.err.println(
          "\n*** SKIPPED: PostgreSQL system tests, no PostgreSQL at " + url + " ***\n");
      Assumptions.abort("no PostgreSQL at " + url);
      throw e;
    }
  }
}

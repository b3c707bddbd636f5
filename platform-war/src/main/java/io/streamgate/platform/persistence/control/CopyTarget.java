package io.streamgate.platform.persistence.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The PostgreSQL database {@code ./streamgate migrate} copies into: empty, or holding a partial
 * copy of an interrupted run, which the marker table {@value #MARKER} says. The marker is created
 * in the same transaction as the first migration and dropped in the one that commits the rows, so
 * no interruption leaves tables behind without it.
 */
final class CopyTarget implements AutoCloseable {

  public static final String MARKER = "streamgate_migrate_partial";

  private final DatabaseUrl url;
  private final String shown;
  private final Connection connection;
  private final String schema;

  private CopyTarget(DatabaseUrl url, String shown, Connection connection, String schema) {
    this.url = url;
    this.shown = shown;
    this.connection = connection;
    this.schema = schema;
  }

  /** Parses the {@code --to} URL and connects; refused in one line if either fails. */
  static CopyTarget connect(String to) throws MigrationRefused {
    DatabaseUrl parsed;
    try {
      parsed = DatabaseUrl.parse(to);
    } catch (IllegalArgumentException e) {
      throw new MigrationRefused(
          "migrate --to needs postgresql://user:password@host:port/database or"
              + " jdbc:postgresql://host:port/database?user=... "
              + e.getMessage().replace(DatabaseUrl.ALLOWED + " ", ""));
    }
    if (parsed.kind() != DatabaseUrl.Kind.POSTGRESQL) {
      throw new MigrationRefused(
          "migrate --to needs a PostgreSQL URL (postgresql://user:password@host:port/database),"
              + " not an H2 one");
    }
    // Batched inserts as multi-row statements, and no wait of minutes for a host that is away.
    String jdbc =
        parsed.jdbcUrl()
            + (parsed.jdbcUrl().contains("?") ? "&" : "?")
            + "reWriteBatchedInserts=true&connectTimeout=10&loginTimeout=15"
            // A failed batch must not quote its rows (codes, hashes) in its message.
            + "&logServerErrorDetail=false";
    DatabaseUrl target = new DatabaseUrl(DatabaseUrl.Kind.POSTGRESQL, jdbc);
    String shown = shown(jdbc);
    try {
      Connection connection = DriverManager.getConnection(jdbc);
      String schema;
      try (Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT current_schema()")) {
        row.next();
        schema = row.getString(1);
      }
      if (schema == null) {
        connection.close();
        throw new MigrationRefused(
            "the PostgreSQL database " + shown + " has no schema this user may use");
      }
      return new CopyTarget(target, shown, connection, schema);
    } catch (SQLException e) {
      throw new MigrationRefused(
          "cannot reach the PostgreSQL database "
              + shown
              + " ("
              + DatabaseUrl.driverSaid(e)
              + "): check the --to URL and that the server runs and accepts this user; nothing"
              + " was changed");
    }
  }

  /** host:port/database, never the user or password. */
  static String shown(String jdbcUrl) {
    String rest = jdbcUrl.substring("jdbc:postgresql://".length()).replaceFirst("[?].*$", "");
    return rest.substring(rest.lastIndexOf('@') + 1);
  }

  String shown() {
    return shown;
  }

  Connection connection() {
    return connection;
  }

  /**
   * Refuses a target that holds anything but an empty schema history or a partial copy of this
   * tool; answers whether it holds such a partial copy.
   */
  boolean checkEmpty(String sourceVersion) throws MigrationRefused, SQLException {
    Map<String, String> relations = relations();
    if (relations.containsKey(MARKER)) {
      return true;
    }
    String version = null;
    if (relations.containsKey(CopySource.HISTORY)) {
      try (Statement statement = connection.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "SELECT version FROM "
                      + CopySource.HISTORY
                      + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC"
                      + " LIMIT 1")) {
        version = row.next() ? row.getString(1) : null;
      }
      relations.remove(CopySource.HISTORY);
    }
    if (version != null && !version.equals(sourceVersion)) {
      throw new MigrationRefused(
          "the PostgreSQL database "
              + shown
              + " is at schema version "
              + version
              + " and the H2 database at "
              + sourceVersion
              + ": migrate copies into an empty database only (create one, or drop what is in"
              + " schema "
              + schema
              + "); nothing was changed");
    }
    if (version != null || !relations.isEmpty()) {
      Set<String> names = new TreeSet<>(relations.keySet());
      if (version != null) {
        names.add(CopySource.HISTORY);
      }
      throw new MigrationRefused(
          "the PostgreSQL database "
              + shown
              + " is not empty (schema "
              + schema
              + " holds "
              + String.join(", ", names.stream().limit(5).toList())
              + (names.size() > 5 ? " and " + (names.size() - 5) + " more" : "")
              + "): migrate copies into an empty database only; nothing was changed");
    }
    return false;
  }

  /** Tables, views and sequences in the target schema, by name, with their kind. */
  private Map<String, String> relations() throws SQLException {
    Map<String, String> relations = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ?"
                + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') ORDER BY c.relname")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          relations.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return relations;
  }

  /** Drops every table, view and sequence of an interrupted run's partial copy, in one go. */
  void clearPartialCopy() throws SQLException {
    Map<String, String> relations = relations();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> relation : relations.entrySet()) {
        String kind =
            switch (relation.getValue()) {
              case "v" -> "VIEW";
              case "m" -> "MATERIALIZED VIEW";
              case "S" -> "SEQUENCE";
              case "f" -> "FOREIGN TABLE";
              default -> "TABLE";
            };
        statement.execute(
            "DROP "
                + kind
                + " IF EXISTS "
                + CopiedTable.quoted(schema)
                + "."
                + CopiedTable.quoted(relation.getKey())
                + " CASCADE");
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /**
   * Runs this build's PostgreSQL migrations up to the source's version, all in one transaction that
   * also creates the marker; answers how many ran.
   */
  int migrate(String version) {
    return Flyway.configure(CopyTarget.class.getClassLoader())
        .dataSource(url.jdbcUrl(), null, null)
        .schemas(schema)
        .locations(DatabaseUrl.Kind.POSTGRESQL.migrationLocations())
        .failOnMissingLocations(true)
        .target(version)
        .group(true)
        .callbacks(new Marker())
        .load()
        .migrate()
        .migrationsExecuted;
  }

  /** For each table (lower case), the tables its foreign keys reference. */
  Map<String, Set<String>> references(List<String> tables) throws SQLException {
    Map<String, Set<String>> references = new LinkedHashMap<>();
    DatabaseMetaData metaData = connection.getMetaData();
    for (String table : tables) {
      Set<String> referenced = new TreeSet<>();
      try (ResultSet keys = metaData.getImportedKeys(null, schema, table)) {
        while (keys.next()) {
          referenced.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
        }
      }
      references.put(table, referenced);
    }
    return references;
  }

  /** The column names PostgreSQL has for the table, lower case, in no particular order. */
  List<String> columns(String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getColumns(null, schema, table, null)) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return columns;
  }

  /** Sets each sequence so that its next value is the one H2 would have handed out next. */
  void continueSequences(Map<String, Long> nextValues) throws SQLException {
    try (PreparedStatement setval =
        connection.prepareStatement("SELECT setval(?::regclass, ?, false)")) {
      for (Map.Entry<String, Long> sequence : nextValues.entrySet()) {
        setval.setString(
            1, CopiedTable.quoted(schema) + "." + CopiedTable.quoted(sequence.getKey()));
        setval.setLong(2, Math.max(1, sequence.getValue()));
        setval.executeQuery().close();
      }
    }
  }

  /** Drops the marker: the copy is complete once this commits. */
  void dropMarker() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "DROP TABLE " + CopiedTable.quoted(schema) + "." + CopiedTable.quoted(MARKER));
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  /** Creates the marker in the transaction of the first migration Flyway runs. */
  private static final class Marker implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      try (Statement statement = context.getConnection().createStatement()) {
        statement.execute(
            "CREATE TABLE IF NOT EXISTS "
                + MARKER
                + " (started_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot create the marker of a partial copy", e);
      }
    }

    @Override
    public String getCallbackName() {
      return "streamgate-migrate-marker";
    }
  }
}

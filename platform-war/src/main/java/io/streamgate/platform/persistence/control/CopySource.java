package io.streamgate.platform.persistence.control;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The launcher's embedded H2 database ({@code DATA/db/streamgate.mv.db}) of a stopped StreamGate,
 * opened read-only: H2 writes nothing to the file, not even its header, and refuses to open it
 * while a running StreamGate holds it.
 */
final class CopySource implements AutoCloseable {

  /** H2's "Database may be already in use". */
  private static final int DATABASE_ALREADY_OPEN = 90020;

  static final String HISTORY = "flyway_schema_history";

  private final Path file;
  private final String url;
  private final Connection connection;

  private CopySource(Path file, String url, Connection connection) {
    this.file = file;
    this.url = url;
    this.connection = connection;
  }

  /** The H2 file the launcher uses in that data folder. */
  static Path file(Path dataDir) {
    return dataDir.resolve("db").resolve("streamgate.mv.db");
  }

  static CopySource open(Path dataDir) throws MigrationRefused {
    Path file = file(dataDir).toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new MigrationRefused(
          "there is no H2 database at "
              + file
              + ": set STREAMGATE_DATA_DIR to the data folder StreamGate ran with; nothing was"
              + " changed");
    }
    String base = file.toString().substring(0, file.toString().length() - ".mv.db".length());
    // Read-only, never created, no trace file beside it, results streamed rather than spooled to
    // temporary files in its folder.
    String url =
        "jdbc:h2:file:"
            + base
            + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0;LAZY_QUERY_EXECUTION=TRUE";
    try {
      return new CopySource(file, url, DriverManager.getConnection(url));
    } catch (SQLException e) {
      if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
        throw new MigrationRefused(
            "the H2 database "
                + file
                + (heldOpen(file)
                    ? " is in use: stop StreamGate (Ctrl-C)"
                    : " was not closed cleanly (its lock file is left from a server that ended"
                        + " without closing it): start StreamGate once, stop it with Ctrl-C")
                + " and run migrate again; nothing was changed");
      }
      throw new MigrationRefused(
          "cannot open the H2 database "
              + file
              + " ("
              + DatabaseUrl.driverSaid(e)
              + "); nothing was changed");
    }
  }

  /**
   * Whether a process has the database open: H2 locks the whole file while it does (a lock of the
   * operating system's, which ends with the process). The lock file H2 writes beside the database
   * with {@code AUTO_SERVER} or {@code FILE_LOCK=FILE} may outlive a server that ended without
   * closing it, and a read-only open refuses on that file alone.
   */
  private static boolean heldOpen(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        FileLock shared = channel.tryLock(0, Long.MAX_VALUE, true)) {
      return shared == null;
    } catch (IOException | OverlappingFileLockException e) {
      // Cannot tell: the refusal says "in use", as it did before this check.
      return true;
    }
  }

  Path file() {
    return file;
  }

  Connection connection() {
    return connection;
  }

  /**
   * The schema version the database is at, refused unless it is the newest of this build's
   * migrations: the target is migrated with this build's scripts, so both must mean the same.
   */
  String schemaVersion() throws MigrationRefused {
    MigrationInfoService info =
        Flyway.configure(CopySource.class.getClassLoader())
            .dataSource(url, "", "")
            .locations(DatabaseUrl.Kind.H2.migrationLocations())
            .failOnMissingLocations(true)
            .load()
            .info();
    MigrationInfo current = info.current();
    if (current == null || current.getVersion() == null) {
      throw new MigrationRefused(
          "the H2 database " + file + " has no StreamGate schema; nothing was changed");
    }
    MigrationVersion newest =
        Arrays.stream(info.all())
            .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS)
            .map(MigrationInfo::getVersion)
            .filter(v -> v != null)
            .max(MigrationVersion::compareTo)
            .orElseThrow();
    String version = current.getVersion().getVersion();
    if (current.getVersion().compareTo(newest) > 0) {
      throw new MigrationRefused(
          "the H2 database is at schema version "
              + version
              + ", newer than this build's migrations (up to "
              + newest.getVersion()
              + "): run migrate from the StreamGate build that wrote it; nothing was changed");
    }
    if (info.pending().length > 0 || !current.getVersion().equals(newest)) {
      throw new MigrationRefused(
          "the H2 database is at schema version "
              + version
              + " but this build's migrations go up to "
              + newest.getVersion()
              + ": start this build of StreamGate once on it (it migrates at start-up), stop it and"
              + " run migrate again; nothing was changed");
    }
    return version;
  }

  /** Every application table (not Flyway's history), with its columns and primary key. */
  List<CopiedTable> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                    + " AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rows.next()) {
        if (!rows.getString(1).equalsIgnoreCase(HISTORY)) {
          names.add(rows.getString(1));
        }
      }
    }
    List<CopiedTable> tables = new ArrayList<>();
    DatabaseMetaData metaData = connection.getMetaData();
    for (String name : names) {
      List<CopiedTable.Column> columns = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet empty =
              statement.executeQuery(
                  "SELECT * FROM " + CopiedTable.quoted(name) + " WHERE 1 = 0")) {
        ResultSetMetaData shape = empty.getMetaData();
        for (int i = 1; i <= shape.getColumnCount(); i++) {
          columns.add(new CopiedTable.Column(shape.getColumnName(i), shape.getColumnType(i)));
        }
      }
      Map<Short, String> key = new TreeMap<>();
      try (ResultSet keys = metaData.getPrimaryKeys(null, "PUBLIC", name)) {
        while (keys.next()) {
          key.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME"));
        }
      }
      tables.add(new CopiedTable(name, List.copyOf(columns), List.copyOf(key.values())));
    }
    return tables;
  }

  /** Each sequence's next value, by name in lower case. */
  Map<String, Long> sequences() throws SQLException {
    Map<String, Long> sequences = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT sequence_name, base_value FROM information_schema.sequences"
                    + " WHERE sequence_schema = 'PUBLIC' ORDER BY sequence_name")) {
      while (rows.next()) {
        sequences.put(rows.getString(1).toLowerCase(java.util.Locale.ROOT), rows.getLong(2));
      }
    }
    return sequences;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}

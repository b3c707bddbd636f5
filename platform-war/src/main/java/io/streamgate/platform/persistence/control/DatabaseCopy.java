package io.streamgate.platform.persistence.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ./streamgate migrate}: copies the stopped embedded H2 database into an empty PostgreSQL
 * one. The target first gets this build's migrations up to the source's schema version (one
 * transaction, with a marker of the partial copy), then every application table's rows in
 * foreign-key order in batches, and H2's sequence positions; the rows are counted and checksummed
 * on both sides before the one transaction that holds them and drops the marker commits. An
 * interrupted run leaves an empty target or a marked one, which the next run clears.
 */
public final class DatabaseCopy {

  /** What the copy tells as it goes; {@code tableCopied} may end the process (a test's crash). */
  public interface Progress {
    void say(String line);

    default void tableCopied(String table, long rows) {}
  }

  /** One table's verification: rows on each side and whether the checksums agree. */
  public record TableCheck(
      String table, long sourceRows, long targetRows, boolean checksumMatches) {
    public boolean ok() {
      return sourceRows == targetRows && checksumMatches;
    }
  }

  /** The outcome: committed only when every table checks out. */
  public record Result(List<TableCheck> tables) {
    public boolean ok() {
      return tables.stream().allMatch(TableCheck::ok);
    }

    public long rows() {
      return tables.stream().mapToLong(TableCheck::targetRows).sum();
    }
  }

  private final Path dataDir;
  private final String to;
  private final int batchRows;
  private final Progress progress;

  public DatabaseCopy(Path dataDir, String to, int batchRows, Progress progress) {
    this.dataDir = dataDir;
    this.to = to;
    this.batchRows = batchRows;
    this.progress = progress;
  }

  public Result run() throws MigrationRefused, SQLException {
    try (CopySource source = CopySource.open(dataDir);
        CopyTarget target = CopyTarget.connect(to)) {
      String version = source.schemaVersion();
      boolean partial = target.checkEmpty(version);
      progress.say(
          "copying H2 "
              + source.file()
              + " (schema version "
              + version
              + ") to PostgreSQL "
              + target.shown());
      if (partial) {
        target.clearPartialCopy();
        progress.say("cleared the partial copy an interrupted migrate left in the target");
      }
      int migrations = target.migrate(version);
      progress.say(
          "created schema version " + version + " on PostgreSQL (" + migrations + " migrations)");
      List<CopiedTable> tables = inCopyOrder(source.tables(), target);
      Connection into = target.connection();
      into.setAutoCommit(false);
      try {
        long started = System.nanoTime();
        long copied = 0;
        for (CopiedTable table : tables) {
          long rows = copy(table, source.connection(), into);
          copied += rows;
          progress.tableCopied(table.targetName(), rows);
        }
        target.continueSequences(source.sequences());
        progress.say(
            String.format(
                java.util.Locale.ROOT,
                "copied %,d rows in %.1f s; counting and checksumming every table on both sides",
                copied,
                (System.nanoTime() - started) / 1e9));
        List<TableCheck> checks = new ArrayList<>();
        for (CopiedTable table : tables) {
          checks.add(check(table, source.connection(), into));
        }
        Result result = new Result(checks);
        if (result.ok()) {
          target.dropMarker();
          into.commit();
        } else {
          into.rollback();
        }
        return result;
      } catch (SQLException | RuntimeException e) {
        into.rollback();
        throw e;
      }
    }
  }

  /** The source's tables, those referenced first; each must exist with the same columns there. */
  private static List<CopiedTable> inCopyOrder(List<CopiedTable> tables, CopyTarget target)
      throws SQLException {
    Map<String, CopiedTable> byName =
        tables.stream()
            .collect(
                Collectors.toMap(
                    CopiedTable::targetName, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    for (CopiedTable table : tables) {
      Set<String> expected =
          table.columns().stream()
              .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> actual = new TreeSet<>(target.columns(table.targetName()));
      if (!expected.equals(actual)) {
        throw new IllegalStateException(
            "table "
                + table.targetName()
                + " has columns "
                + expected
                + " in H2 but "
                + actual
                + " in PostgreSQL after the migrations");
      }
    }
    return order(target.references(List.copyOf(byName.keySet()))).stream()
        .map(byName::get)
        .toList();
  }

  /**
   * The tables so that each comes after those it references (references to itself or to tables not
   * copied aside), ties by name; refused for a cycle, which the schema does not have.
   */
  static List<String> order(Map<String, Set<String>> references) {
    List<String> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> left = new TreeSet<>(references.keySet());
    while (!left.isEmpty()) {
      String next =
          left.stream()
              .filter(
                  table ->
                      references.get(table).stream()
                          .allMatch(
                              r ->
                                  r.equals(table)
                                      || done.contains(r)
                                      || !references.containsKey(r)))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("foreign keys form a cycle among " + left));
      ordered.add(next);
      done.add(next);
      left.remove(next);
    }
    return ordered;
  }

  private long copy(CopiedTable table, Connection from, Connection into) throws SQLException {
    List<CopiedTable.Column> columns = table.columns();
    long rows = 0;
    try (Statement read = from.createStatement();
        PreparedStatement insert = into.prepareStatement(table.insertIntoTarget())) {
      read.setFetchSize(batchRows);
      try (ResultSet row = read.executeQuery(table.selectFromSource())) {
        while (row.next()) {
          for (int i = 0; i < columns.size(); i++) {
            int type = columns.get(i).jdbcType();
            Object value = CanonicalValues.read(row, i + 1, type);
            if (value == null) {
              insert.setNull(i + 1, type);
            } else {
              insert.setObject(i + 1, value);
            }
          }
          insert.addBatch();
          if (++rows % batchRows == 0) {
            insert.executeBatch();
          }
        }
      }
      if (rows % batchRows != 0) {
        insert.executeBatch();
      }
    }
    return rows;
  }

  private TableCheck check(CopiedTable table, Connection from, Connection into)
      throws SQLException {
    TableChecksum source = checksum(table, from, false);
    TableChecksum target = checksum(table, into, true);
    // The checksum reads every row in key order: its count is the table's, with no second scan.
    return new TableCheck(
        table.targetName(), source.rows(), target.rows(), source.hex().equals(target.hex()));
  }

  private TableChecksum checksum(CopiedTable table, Connection connection, boolean postgres)
      throws SQLException {
    TableChecksum checksum = new TableChecksum();
    List<CopiedTable.Column> columns = table.columns();
    try (Statement statement = connection.createStatement()) {
      statement.setFetchSize(batchRows);
      try (ResultSet row = statement.executeQuery(table.selectOrdered(postgres))) {
        Object[] values = new Object[columns.size()];
        while (row.next()) {
          for (int i = 0; i < values.length; i++) {
            values[i] = CanonicalValues.read(row, i + 1, columns.get(i).jdbcType());
          }
          checksum.add(values);
        }
      }
    }
    return checksum;
  }
}

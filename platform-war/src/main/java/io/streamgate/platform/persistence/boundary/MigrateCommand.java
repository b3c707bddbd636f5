package io.streamgate.platform.persistence.boundary;

import io.streamgate.platform.persistence.control.DatabaseCopy;
import io.streamgate.platform.persistence.control.DatabaseUrl;
import io.streamgate.platform.persistence.control.MigrationRefused;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.logging.LogManager;

/**
 * {@code ./streamgate migrate --to URL}, run by the launcher outside any server: the target URL
 * comes as the first line of standard input (not on the command line, which every local user can
 * read, nor in a setting), the data folder in {@code STREAMGATE_DATA_DIR}. Exit 0 when every table
 * checks out, 1 on a mismatch or failure (nothing committed), 2 when refused (nothing changed).
 */
public final class MigrateCommand {

  /** Rows per JDBC batch: pgjdbc rewrites each into multi-row INSERTs. */
  static final int BATCH_ROWS = 2_000;

  /**
   * A test's stand-in for a crash: the process halts (no clean-up, no commit) after copying the
   * rows of the table this system property names.
   */
  static final String HALT_AFTER = "streamgate.migrate.haltAfterTable";

  private MigrateCommand() {}

  public static void main(String[] args) throws IOException {
    // Flyway's INFO lines, one or more per migration, would bury the operator's few lines.
    LogManager.getLogManager()
        .readConfiguration(
            new ByteArrayInputStream(
                "handlers = java.util.logging.ConsoleHandler\n.level = WARNING\n"
                    .getBytes(StandardCharsets.UTF_8)));
    String to =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    System.exit(run(to, System.getenv("STREAMGATE_DATA_DIR")));
  }

  static int run(String to, String dataDir) {
    PrintStream out = System.out;
    if (to == null || to.isBlank()) {
      return refuse("migrate needs --to postgresql://user:password@host:port/database");
    }
    String haltAfter = System.getProperty(HALT_AFTER, "");
    long started = System.nanoTime();
    DatabaseCopy.Progress progress =
        new DatabaseCopy.Progress() {
          @Override
          public void say(String line) {
            out.println("streamgate: " + line);
          }

          @Override
          public void tableCopied(String table, long rows) {
            out.printf("streamgate:   %-28s %,12d rows copied%n", table, rows);
            if (table.equals(haltAfter)) {
              out.flush();
              Runtime.getRuntime().halt(3);
            }
          }
        };
    DatabaseCopy.Result result;
    try {
      result =
          new DatabaseCopy(
                  Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir),
                  to,
                  BATCH_ROWS,
                  progress)
              .run();
    } catch (MigrationRefused e) {
      return refuse(e.getMessage());
    } catch (SQLException | RuntimeException e) {
      System.err.println(
          "streamgate: migrate failed, nothing was committed to the target ("
              + DatabaseUrl.driverSaid(e)
              + "); run it again to start over");
      return 1;
    }
    printChecks(out, result);
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!result.ok()) {
      System.err.println(
          "streamgate: the copy does not match the H2 database (see above); nothing was committed"
              + " to the target: run migrate again to start over");
      return 1;
    }
    out.printf(
        "streamgate: copied %,d rows of %d tables in %.1f s; every count and checksum matches%n",
        result.rows(), result.tables().size(), seconds);
    out.println(
        "streamgate: now start StreamGate on it: DATABASE_URL=<the --to URL> ./streamgate run"
            + " (the H2 database is left as it was)");
    return 0;
  }

  private static void printChecks(PrintStream out, DatabaseCopy.Result result) {
    out.printf("%-28s %12s %12s  %s%n", "table", "H2 rows", "PG rows", "checksum");
    for (DatabaseCopy.TableCheck check : result.tables()) {
      out.printf(
          "%-28s %12d %12d  %s%n",
          check.table(),
          check.sourceRows(),
          check.targetRows(),
          check.checksumMatches() ? "ok" : "MISMATCH");
    }
  }

  private static int refuse(String message) {
    System.err.println("streamgate: " + message);
    return 2;
  }
}

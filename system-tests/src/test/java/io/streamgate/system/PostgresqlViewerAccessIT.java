package io.streamgate.system;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The viewer access contract on PostgreSQL: a StreamGate of its own on a fresh database, dropped
 * afterwards. Skipped loudly without PostgreSQL, or failing when {@code
 * streamgate.require.postgres} is true (CI).
 */
class PostgresqlViewerAccessIT extends ViewerAccessContract {

  private static final String SERVER = Postgres.SERVER;

  private static String database;
  private static LaunchedStreamGate instance;

  @BeforeAll
  static void start() throws SQLException {
    database = Postgres.createDatabase("sg_it_");
    Map<String, String> settings = new HashMap<>(StreamGateExtension.SHARED_SETTINGS);
    settings.put("DATABASE_URL", "postgresql://postgres@" + SERVER + "/" + database);
    instance = LaunchedStreamGate.start("postgresql", settings);
  }

  @AfterAll
  static void stop() throws SQLException {
    if (instance != null) {
      instance.close();
    }
    Postgres.dropDatabase(database);
  }

  @Override
  LaunchedStreamGate streamGate() {
    return instance;
  }

  @Override
  Fixtures fixtures() {
    return new Fixtures(
        "jdbc:postgresql://" + SERVER + "/" + database, "postgres", instance.dataDir());
  }
}

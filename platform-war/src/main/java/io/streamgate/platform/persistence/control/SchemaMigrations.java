package io.streamgate.platform.persistence.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database: versioned scripts in
 * {@code db/migration}, the same on H2 and PostgreSQL. A bad {@code DATABASE_URL} stops the
 * deployment here with one line naming the setting.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  private static final System.Logger LOG = System.getLogger(SchemaMigrations.class.getName());

  @Inject Database database;

  @Inject PlatformSettings settings;

  private volatile String schemaVersion = "none";

  /**
   * The migrations every database runs, and those of its own kind ({@code db/vendor/postgresql},
   * {@code db/vendor/h2}) for what only one of them can or needs to do.
   */
  static String[] locations(DatabaseUrl.Kind kind) {
    return kind.migrationLocations();
  }

  @PostConstruct
  void migrate() {
    DataSource dataSource;
    DatabaseUrl.Kind kind;
    try {
      if (!database.serverResource()) {
        DatabaseUrl.parse(settings.databaseUrl());
      }
      dataSource = database.dataSource();
      kind = kind(dataSource);
      refuseUnfinishedCopy(dataSource);
    } catch (IllegalArgumentException | IllegalStateException e) {
      LOG.log(System.Logger.Level.ERROR, e.getMessage());
      throw new IllegalStateException(e.getMessage());
    }
    Flyway flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations(kind))
            .failOnMissingLocations(true)
            .load();
    MigrateResult result = flyway.migrate();
    schemaVersion = flyway.info().current().getVersion().getVersion();
    LOG.log(
        System.Logger.Level.INFO,
        "Database {0} at schema version {1} ({2} migrations applied now)",
        kind,
        schemaVersion,
        result.migrationsExecuted);
  }

  /**
   * A database {@code ./streamgate migrate} began to fill and did not finish holds its marker
   * table: starting on it would run on part of the data.
   */
  private void refuseUnfinishedCopy(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        ResultSet marker =
            connection
                .getMetaData()
                .getTables(
                    null, connection.getSchema(), CopyTarget.MARKER, new String[] {"TABLE"})) {
      if (marker.next()) {
        throw new IllegalStateException(
            "The database holds a copy ./streamgate migrate did not finish; run the migration"
                + " again (it clears the partial copy) or point DATABASE_URL elsewhere");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(Database.unreachable(e, database.serverResource()));
    }
  }

  private DatabaseUrl.Kind kind(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return Database.kindOf(connection);
    } catch (SQLException e) {
      throw new IllegalStateException(Database.unreachable(e, database.serverResource()));
    }
  }

  /** The schema version the database is at, for readiness reporting. */
  public String schemaVersion() {
    return schemaVersion;
  }
}

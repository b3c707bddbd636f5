package io.streamgate.platform.health.boundary;

import io.streamgate.platform.persistence.control.Database;
import io.streamgate.platform.persistence.control.SchemaMigrations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and the schema migrations have run. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject Database database;

  @Inject SchemaMigrations migrations;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = database.dataSource().getConnection()) {
      return response
          .status(connection.isValid(2))
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .withData("schemaVersion", migrations.schemaVersion())
          .build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}

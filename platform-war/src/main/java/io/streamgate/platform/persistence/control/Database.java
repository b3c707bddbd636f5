package io.streamgate.platform.persistence.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data source StreamGate works with: a JDBC resource of the server when {@code
 * DATABASE_RESOURCE} names one (the pool an operator created, e.g. with {@code
 * payara-config/src/main/payara/postgresql-pool.asadmin}), else the WAR's own pool from {@code
 * DATABASE_URL}. JPA follows the same choice through {@link ServerResourceCustomizer}.
 */
@ApplicationScoped
public class Database {

  @Resource(lookup = StreamGateDataSource.JNDI_NAME)
  DataSource own;

  private String resource;

  private DataSource dataSource;

  @PostConstruct
  void resolve() {
    resource = configuredResource(ConfigProvider.getConfig(Database.class.getClassLoader()));
    dataSource = resource.isBlank() ? own : lookup(resource);
  }

  /**
   * The JNDI name {@code DATABASE_RESOURCE} gives, trimmed; blank when the WAR's own pool is used.
   * The one reader of the setting: the bean, the JPA customizer and the config source all ask here.
   */
  static String configuredResource(Config config) {
    return PlatformSettings.DATABASE_RESOURCE.read(
        name -> config.getOptionalValue(name, String.class));
  }

  /** The server's JDBC resource of that name; one line saying what to fix if there is none. */
  static DataSource lookup(String name) {
    try {
      return (DataSource) new InitialContext().lookup(name);
    } catch (NamingException | ClassCastException e) {
      throw new IllegalStateException(
          ServerResourceCustomizer.SETTING
              + " names '"
              + name
              + "' but this server has no JDBC resource of that name: create it (see"
              + " payara-config/src/main/payara/postgresql-pool.asadmin) or unset "
              + ServerResourceCustomizer.SETTING
              + " to use DATABASE_URL");
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether the data source is the server's pool rather than the WAR's own. */
  public boolean serverResource() {
    return !resource.isBlank();
  }

  /**
   * One line naming the cause and the settings to check when the database cannot be reached (never
   * the URL, which may hold a password).
   */
  static String unreachable(SQLException e, boolean serverResource) {
    return "StreamGate cannot reach its database ("
        + DatabaseUrl.driverSaid(e)
        + "): check "
        + (serverResource
            ? "the JDBC pool behind "
                + ServerResourceCustomizer.SETTING
                + " (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD)"
            : "DATABASE_URL")
        + " and that the database server runs and accepts this user";
  }

  /** The kind of database behind the data source, read from the driver. */
  public static DatabaseUrl.Kind kindOf(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.contains("postgres")) {
      return DatabaseUrl.Kind.POSTGRESQL;
    }
    if (product.contains("h2")) {
      return DatabaseUrl.Kind.H2;
    }
    throw new IllegalStateException(
        "The database is "
            + connection.getMetaData().getDatabaseProductName()
            + "; StreamGate runs on H2 or PostgreSQL");
  }

  /** SQLSTATE of a unique constraint violated, on H2 and PostgreSQL alike. */
  static final String UNIQUE_VIOLATION = "23505";

  /** Whether the failure, or anything that caused it, is a unique constraint violated. */
  public static boolean uniqueViolation(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return true;
          }
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}

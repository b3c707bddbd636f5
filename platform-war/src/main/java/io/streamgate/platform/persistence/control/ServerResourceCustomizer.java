package io.streamgate.platform.persistence.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Points JPA at the server's JDBC resource when {@code DATABASE_RESOURCE} names one. The
 * persistence unit names the WAR's own data source, because a descriptor cannot take the name from
 * configuration; this customizer runs before the session logs in and swaps the connector, for the
 * transactional logins and for reads outside a transaction alike. It also shortens the wait between
 * EclipseLink's retries of a query whose connection was lost.
 */
public class ServerResourceCustomizer implements SessionCustomizer {

  static final String SETTING = PlatformSettings.DATABASE_RESOURCE.name();

  private static final System.Logger LOG =
      System.getLogger(ServerResourceCustomizer.class.getName());

  /**
   * EclipseLink runs a query that lost its connection again, three times by default, 5 s apart:
   * that bridges a database fail-over, but held a viewer's token refresh 10 s while PostgreSQL was
   * stopped before it could answer 503. 1 s apart, the answer comes within about 3 s.
   */
  static final int RETRY_DELAY_MILLIS = 1000;

  @Override
  public void customize(Session session) {
    retryQuickly(session.getDatasourceLogin());
    if (session instanceof ServerSession serverSession) {
      retryQuickly(serverSession.getReadConnectionPool().getLogin());
    }
    String resource =
        Database.configuredResource(
            ConfigProvider.getConfig(ServerResourceCustomizer.class.getClassLoader()));
    if (!resource.isEmpty()) {
      DataSource server;
      try {
        server = Database.lookup(resource);
      } catch (IllegalStateException e) {
        LOG.log(System.Logger.Level.ERROR, e.getMessage());
        throw e;
      }
      connect(session.getDatasourceLogin(), resource);
      if (session instanceof ServerSession serverSession) {
        connect(serverSession.getReadConnectionPool().getLogin(), resource);
      }
      checkReachable(server, true);
    } else if (session.getDatasourceLogin() instanceof DatasourceLogin login
        && login.getConnector() instanceof JNDIConnector connector
        && connector.getDataSource() != null) {
      checkReachable(connector.getDataSource(), false);
    }
  }

  /**
   * The container logs in right after this, and a failed login is a page of stack trace; the line
   * logged here says first what to fix.
   */
  private static void checkReachable(DataSource dataSource, boolean serverResource) {
    try (Connection connection = dataSource.getConnection()) {
      connection.isValid(5);
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.ERROR, Database.unreachable(e, serverResource));
    }
  }

  private static void retryQuickly(Login login) {
    if (login instanceof DatabaseLogin databaseLogin) {
      databaseLogin.setDelayBetweenConnectionAttempts(RETRY_DELAY_MILLIS);
    }
  }

  private static void connect(Login login, String resource) {
    if (login instanceof DatasourceLogin datasourceLogin) {
      datasourceLogin.setConnector(new JNDIConnector(resource));
    }
  }
}

package io.streamgate.platform.persistence.control;

import jakarta.annotation.sql.DataSourceDefinition;

/**
 * The application's JTA data source, configured from {@code DATABASE_URL} through MicroProfile
 * Config (see {@link DatabaseConfigSource}). Defined here, in the WAR, so that the WAR deploys on
 * any Payara without server-side resources; the server needs only the JDBC driver (H2 is bundled
 * with Payara, the PostgreSQL driver goes on the server's class path).
 */
@DataSourceDefinition(
    name = StreamGateDataSource.JNDI_NAME,
    className = "${MPCONFIG=streamgate.db.class}",
    url = "${MPCONFIG=streamgate.db.url}",
    minPoolSize = 2,
    maxPoolSize = 32,
    initialPoolSize = 2,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
public class StreamGateDataSource {

  public static final String JNDI_NAME = "java:app/jdbc/streamgate";
}

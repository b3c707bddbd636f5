package io.streamgate.platform.persistence.control;

import io.streamgate.common.errors.Causes;
import io.streamgate.common.logging.ThrottledWarning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Clock;
import javax.transaction.xa.XAException;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, unreachable, or
 * every pooled connection busy past the pool's wait) from the platform's own errors: callers answer
 * it with a short 503 and {@code Retry-After} instead of a 500, and it is logged in one line at
 * most once a second instead of a stack trace per request.
 */
@ApplicationScoped
public class DatabaseOutages {

  /** How long a caller is asked to wait before trying again, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private static final System.Logger LOG = System.getLogger(DatabaseOutages.class.getName());

  /**
   * Payara's pool: no connection could be had (the database refused, or the pool's wait ran out).
   */
  private static final String POOL_REFUSED = "ResourceAllocationException";

  @Inject Database database;

  @Inject Clock clock;

  private final ThrottledWarning warning = new ThrottledWarning();

  /** Whether the database being away caused this failure; if so, counts it for the log. */
  public boolean recognise(Throwable failure) {
    if (!outage(failure)) {
      return false;
    }
    long answered = warning.occurred(clock.millis());
    if (answered > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0} request(s) answered 503 since the last warning: {1}",
          answered,
          said(failure));
    }
    return true;
  }

  /**
   * A connection-class SQL state (08: connection exception; 57P: the server shutting down or
   * starting) anywhere among the causes, a resource failing the transaction manager's commit or
   * rollback (XAException: the pooled connection broke under it, which the soak met once while
   * PostgreSQL stopped), or below a JDBC failure a refused socket or the pool unable to hand out a
   * connection (the database refused it, or every pooled one stayed busy past the pool's wait).
   */
  public static boolean outage(Throwable failure) {
    boolean jdbc = false;
    for (Throwable cause : Causes.of(failure)) {
      if (cause instanceof SQLException sql) {
        jdbc = true;
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
          return true;
        }
      }
      if (cause instanceof XAException) {
        return true;
      }
      if (jdbc
          && (cause instanceof ConnectException
              || cause.getClass().getSimpleName().equals(POOL_REFUSED))) {
        return true;
      }
    }
    return false;
  }

  private String said(Throwable failure) {
    return Causes.find(failure, SQLException.class)
        .map(sql -> Database.unreachable(sql, database.serverResource()))
        .orElseGet(
            () ->
                "StreamGate's database failed a transaction ("
                    + Causes.firstLine(Causes.innermost(failure))
                    + ")");
  }
}

package io.streamgate.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Chains as Payara, EclipseLink and the PostgreSQL driver build them when the database is away. */
class DatabaseOutagesTest {

  /** Stands in for Payara's jakarta.resource.spi.ResourceAllocationException (full profile). */
  static class ResourceAllocationException extends Exception {
    ResourceAllocationException(String message) {
      super(message);
    }
  }

  @Test
  void aConnectionEndedByTheServerShuttingDownIsAnOutage() {
    assertTrue(
        DatabaseOutages.outage(
            new PersistenceException(
                "query failed",
                new SQLException(
                    "FATAL: terminating connection due to administrator command", "57P01"))));
  }

  @Test
  void aRefusedConnectionBehindThePoolIsAnOutage() {
    SQLException refused =
        new SQLException("Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException());
    Exception pool =
        new SQLException(
            "Error in allocating a connection.",
            new ResourceAllocationException("Connection could not be allocated"));
    pool.getCause().initCause(refused);
    assertTrue(DatabaseOutages.outage(new PersistenceException(pool)));
    assertTrue(DatabaseOutages.outage(new TransactionalException("commit", refused)));
  }

  @Test
  void aPoolThatCannotHandOutAConnectionInTimeIsAnOutage() {
    assertTrue(
        DatabaseOutages.outage(
            new SQLException(
                "Error in allocating a connection.",
                new ResourceAllocationException("expired max-wait-time"))));
  }

  @Test
  void theDatabaseRefusingAStatementIsNoOutage() {
    assertFalse(
        DatabaseOutages.outage(
            new PersistenceException(new SQLException("duplicate key value", "23505"))));
    assertFalse(DatabaseOutages.outage(new SQLException("no state")));
    assertFalse(DatabaseOutages.outage(new IllegalStateException("a bug")));
  }

  @Test
  void aCommitThatTheConnectionFailedIsAnOutage() {
    // As the soak met it: the pooled connection broke under the commit of a heartbeat.
    Exception commit =
        new TransactionalException(
            "encountered exception during commit",
            new jakarta.transaction.SystemException("commit"));
    commit
        .getCause()
        .initCause(
            new javax.transaction.xa.XAException(
                "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection"));
    assertTrue(DatabaseOutages.outage(commit));
  }

  @Test
  void aRefusedSocketOutsideTheDatabaseIsNoOutage() {
    // An outbound HTTP call that could not connect is not the database being away.
    assertFalse(
        DatabaseOutages.outage(
            new IllegalStateException(new java.io.UncheckedIOException(new ConnectException()))));
  }

  @Test
  void aCauseThatLoopsBackEndsTheSearch() {
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.initCause(second);
    assertFalse(DatabaseOutages.outage(first));
  }
}

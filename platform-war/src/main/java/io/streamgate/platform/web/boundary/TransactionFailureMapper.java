package io.streamgate.platform.web.boundary;

import io.streamgate.platform.persistence.control.DatabaseOutages;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed at commit: when another admin's change of the same row committed first
 * (both passed the version check at the same moment), the caller gets the 409 a stale edit gets;
 * answered as {@link PersistenceFailureMapper} answers a failed query.
 */
@Provider
public class TransactionFailureMapper implements ExceptionMapper<TransactionalException> {

  @Inject DatabaseOutages outages;

  @Override
  public Response toResponse(TransactionalException exception) {
    return PersistenceFailureMapper.answer(exception, outages);
  }
}

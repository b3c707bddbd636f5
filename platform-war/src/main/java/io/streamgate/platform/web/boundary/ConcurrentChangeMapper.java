package io.streamgate.platform.web.boundary;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * A transaction that failed at commit: when another admin's change of the same row committed first
 * (both passed the version check at the same moment), the caller gets the 409 a stale edit gets;
 * any other failure stays a 500 without details.
 */
@Provider
public class ConcurrentChangeMapper implements ExceptionMapper<TransactionalException> {

  private static final System.Logger LOG = System.getLogger(ConcurrentChangeMapper.class.getName());

  @Override
  public Response toResponse(TransactionalException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof OptimisticLockException) {
        return json(
            Response.Status.CONFLICT,
            "This was changed by someone else at the same moment. Reload it and make your change"
                + " again.");
      }
    }
    LOG.log(System.Logger.Level.ERROR, "Transaction failed", exception);
    return json(Response.Status.INTERNAL_SERVER_ERROR, "Internal server error.");
  }

  private static Response json(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(Map.of("error", message))
        .build();
  }
}

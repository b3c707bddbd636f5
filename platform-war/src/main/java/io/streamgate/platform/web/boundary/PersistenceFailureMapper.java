package io.streamgate.platform.web.boundary;

import io.streamgate.common.errors.Causes;
import io.streamgate.platform.persistence.control.DatabaseOutages;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A query or write that failed (this mapper), or a transaction that failed at commit ({@link
 * TransactionFailureMapper}): when another admin's change of the same row committed first, the 409
 * a stale edit gets; when the database is away, a 503 with {@code Retry-After} (see {@link
 * DatabaseOutages}, which logs it at most once a second); else a 500 without details, logged with
 * its stack trace. Mapped here rather than left to the container, which logged each failure twice
 * with its whole trace: 190,000 log lines in a 10 s database outage under 300 viewers.
 */
@Provider
public class PersistenceFailureMapper implements ExceptionMapper<PersistenceException> {

  private static final System.Logger LOG =
      System.getLogger(PersistenceFailureMapper.class.getName());

  @Inject DatabaseOutages outages;

  @Override
  public Response toResponse(PersistenceException exception) {
    return answer(exception, outages);
  }

  static Response answer(Exception failure, DatabaseOutages outages) {
    if (Causes.find(failure, OptimisticLockException.class).isPresent()) {
      return json(
              Response.Status.CONFLICT,
              "This was changed by someone else at the same moment. Reload it and make your change"
                  + " again.")
          .build();
    }
    if (outages.recognise(failure)) {
      return json(Response.Status.SERVICE_UNAVAILABLE, JsonErrors.message(503))
          .header("Retry-After", DatabaseOutages.RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(System.Logger.Level.ERROR, "Database request failed", failure);
    return json(Response.Status.INTERNAL_SERVER_ERROR, JsonErrors.message(500)).build();
  }

  private static Response.ResponseBuilder json(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .header("Cache-Control", "no-store")
        .entity(new ApiJson.Error(message, status.getStatusCode()));
  }
}

package io.streamgate.platform.revocation.boundary;

import io.streamgate.common.internal.InternalApiKeys;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.revocation.control.RevocationFeed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/revocations?since=}: for media servers outside the data grid, the revocations and
 * restorations since their last poll. Only for media servers (the {@code X-Internal-Api-Key}).
 */
@Path("revocations")
public class RevocationsResource {

  @Inject RevocationFeed feed;

  @GET
  @RolesAllowed(CallerRoles.MEDIA_SERVER)
  @Produces(MediaType.APPLICATION_JSON)
  public Response since(
      @HeaderParam(InternalApiKeys.HEADER) String key, @QueryParam("since") String since) {
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(feed.since(instant(since))).cacheControl(noStore).build();
  }

  private static Instant instant(String since) {
    if (since == null || since.isBlank()) {
      throw new BadRequestException("Query parameter 'since' is required (ISO 8601 time).");
    }
    try {
      return OffsetDateTime.parse(since).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          "Query parameter 'since' must be an ISO 8601 time such as 2026-01-01T00:00:00Z.");
    }
  }
}

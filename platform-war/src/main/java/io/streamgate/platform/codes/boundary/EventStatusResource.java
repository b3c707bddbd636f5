package io.streamgate.platform.codes.boundary;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.codes.control.AccessCodes;
import io.streamgate.platform.codes.control.EventStatuses;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.playback.control.PlaybackCallers;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * {@code GET /api/events/{id}/status?code=}: is the event on, for a holder of one of its codes. A
 * viewer's page that has redeemed already asks with its playback JWT ({@code Authorization:
 * Bearer}) instead, so it need not keep the raw code.
 */
@Path("events/{id}/status")
public class EventStatusResource {

  /** The specification's answer. */
  public record EventStatusResponse(
      String eventId, String status, Instant startsAt, Instant endsAt) {}

  @Inject EventStatuses statuses;

  @Inject PlaybackCallers callers;

  @Inject PlaybackLocations locations;

  @Inject AccessCodes codes;

  @Context UriInfo uri;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public EventStatusResponse status(
      @PathParam("id") String eventId,
      @QueryParam("code") String code,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    String token = PlaybackTokens.fromAuthorization(authorization);
    EventStatuses.EventStatus status =
        statuses.of(
            eventId,
            token != null ? codeOf(callers.authenticate(token)) : code,
            locations.probeBaseUrl(uri.getBaseUri()),
            TokenValidationResponse.MANIFEST);
    return new EventStatusResponse(
        eventId, status.status().json(), status.event().startsAt(), status.event().endsAt());
  }

  /** The token names its code by id; the code itself never leaves the server. */
  private String codeOf(PlaybackClaims token) {
    return codes.ofToken(token).map(AccessCode::code).orElse(null);
  }
}

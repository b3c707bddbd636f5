package io.streamgate.platform.playback.boundary;

import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.playback.control.EventStatuses;
import io.streamgate.platform.playback.control.PlaybackCallers;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public EventStatusResponse status(
      @PathParam("id") String eventId,
      @QueryParam("code") String code,
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
    String token = PlaybackTokens.fromAuthorization(authorization);
    String probe = locations.probeBaseUrl(request.getLocalPort());
    EventStatuses.EventStatus status =
        token != null
            ? statuses.forViewer(eventId, callers.authenticate(token), probe)
            : statuses.forCode(eventId, code, clients.ip(request), probe);
    return new EventStatusResponse(
        eventId, status.status().json(), status.event().startsAt(), status.event().endsAt());
  }
}

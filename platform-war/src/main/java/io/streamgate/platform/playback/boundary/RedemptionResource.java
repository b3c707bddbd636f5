package io.streamgate.platform.playback.boundary;

import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.playback.control.Redemptions;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /api/tokens/validate}: a viewer's code in, a playback token out. */
@Path("tokens")
public class RedemptionResource {

  @Inject Redemptions redemptions;

  @Inject Clients clients;

  @Inject PlaybackLocations locations;

  @Context HttpServletRequest request;

  @Context UriInfo uri;

  @POST
  @Path("validate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public RedemptionAnswer validate(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) PlaybackJson.CodeRequest body) {
    Redemptions.Grant grant =
        redemptions.redeem(
            body.code(),
            body.eventId() == null || body.eventId().isBlank() ? null : body.eventId(),
            clients.ip(request),
            request.getHeader(HttpHeaders.USER_AGENT));
    return RedemptionAnswer.of(
        grant, locations.baseUrl(clients.asSeenByBrowser(request, uri.getBaseUri())));
  }
}

package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.Invitations;
import io.streamgate.platform.clients.boundary.Clients;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A person follows an invitation: {@code POST /api/auth/invitation {code, password}} sets their
 * password (a new user, or a reset). 401 for an unknown, used or expired code; 10 per minute per
 * client address.
 */
@Path("auth/invitation")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

  @Inject Invitations invitations;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  public record AcceptedData(Invitations.Accepted data) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sets the invited person's own password: {code, password}")
  public AcceptedData accept(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) UserRequests.AcceptInvitation fields) {
    return new AcceptedData(
        invitations.accept(fields.code(), fields.password(), clients.ip(request)));
  }
}

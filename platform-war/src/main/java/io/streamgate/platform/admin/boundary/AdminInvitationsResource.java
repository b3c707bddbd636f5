package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.Invitations;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Super admins invite people (or hand out a password reset link), under {@code /api/admin}. */
@Path("admin/invitations")
@AdminSession
@RolesAllowed(CallerRoles.SUPER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users")
public class AdminInvitationsResource {

  @Inject Invitations invitations;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  /** An invitation as answered once: its code and the console link that carries it. */
  public record InvitationView(
      String code, String url, String username, String role, boolean reset, Instant expiresAt) {}

  public record InvitationData(InvitationView data) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Invites a person: {username, role} -> a one-time code and link (24 h) with which they"
              + " set their own password; for an existing user (no role) a password reset link")
  public Response invite(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) UserRequests.Invite fields) {
    Invitations.Issued issued =
        invitations.invite(
            fields.username(),
            fields.roleValue(),
            AdminAuthentication.actor(context),
            clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(
            new InvitationData(
                new InvitationView(
                    issued.code(),
                    InvitationLinks.url(request, clients, issued.code()),
                    issued.username(),
                    issued.role(),
                    issued.reset(),
                    issued.expiresAt())))
        .build();
  }
}

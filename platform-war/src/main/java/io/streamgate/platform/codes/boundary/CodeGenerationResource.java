package io.streamgate.platform.codes.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.codes.control.CodeIssuance;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API's code generation for an event. It is documented with the events, where the
 * specification puts it, but codes generate codes: events sit below them.
 */
@Path("admin")
@AdminSession
@RolesAllowed(CallerRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: events")
public class CodeGenerationResource {

  @Inject CodeIssuance issuance;

  @Inject Clients clients;

  @Inject Clock clock;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  /** {@code {count: 1-500, label?}}: the new codes, each expiring when the access window closes. */
  @POST
  @Path("events/{id}/tokens/generate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Generates 1-500 codes for an event: {count, label?}")
  public Response generate(
      @PathParam("id") String id,
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) CodeRequests.Generate fields) {
    var created =
        issuance.generate(
            id,
            fields.countOrZero(),
            fields.label(),
            AdminAuthentication.actor(context),
            clients.ip(request));
    var now = clock.instant();
    return Response.status(Response.Status.CREATED)
        .entity(
            new CodeView.CodesData(created.stream().map(code -> CodeView.of(code, now)).toList()))
        .build();
  }

  /** The platform guide's spelling of {@link #generate}. */
  @POST
  @Path("events/{id}/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Same as POST events/{id}/tokens/generate")
  public Response generateAlias(
      @PathParam("id") String id,
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) CodeRequests.Generate fields) {
    return generate(id, fields);
  }
}

package io.streamgate.platform.boxoffice.boundary;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.boxoffice.control.BoxOffice;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.codes.boundary.CodeView;
import io.streamgate.platform.devices.control.DeviceCaller;
import io.streamgate.platform.devices.entity.DeviceRole;
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
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The box office's three actions under {@code /api/admin/box-office}. Codes travel in request
 * bodies, never in paths, which the access log records.
 */
@Path("admin/box-office")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BoxOfficeResource {

  @Inject BoxOffice boxOffice;

  @Inject Clients clients;

  @Inject Clock clock;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  /** {@code {code}}. */
  public record CodeRequest(
      @Schema(required = true) @NotNull(message = "Missing field: code.") String code) {}

  /** {@code {count: 1-50, label?}}. */
  public record IssueRequest(
      @Schema(required = true, minimum = "1", maximum = "50") Integer count, String label) {}

  /** The event a code belongs to. */
  public record EventRef(String id, String title) {}

  /** A looked-up code: the code itself (the desk typed it), its status and whether it plays now. */
  public record CodeLookup(
      String codeId,
      String code,
      String status,
      EventRef event,
      boolean watchingNow,
      Instant expiresAt,
      Instant redeemedAt) {}

  public record LookupData(CodeLookup data) {}

  public record Released(boolean released) {}

  public record ReleasedData(Released data) {}

  @POST
  @Path("lookup")
  @RolesAllowed({CallerRoles.BOX_OFFICE, CallerRoles.OPERATOR})
  @Operation(summary = "A code's status, event and whether it is watching now: {code}")
  public LookupData lookup(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) CodeRequest fields) {
    BoxOffice.Lookup found = boxOffice.lookup(fields.code(), device());
    var code = found.code();
    return new LookupData(
        new CodeLookup(
            code.id(),
            AccessCodeCodec.display(code.code()),
            code.status(found.now()),
            new EventRef(code.event().id(), code.event().title()),
            found.watchingNow(),
            code.expiresAt(),
            code.redeemedAt()));
  }

  @POST
  @Path("events/{id}/codes")
  @RolesAllowed({CallerRoles.BOX_OFFICE, CallerRoles.ADMIN})
  @Operation(summary = "Issues 1-50 codes for an event the box office serves: {count, label?}")
  public Response issue(
      @PathParam("id") String eventId,
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) IssueRequest fields) {
    var created =
        boxOffice.issue(
            eventId,
            fields.count(),
            fields.label(),
            device(),
            AdminAuthentication.actor(context),
            clients.ip(request));
    Instant now = clock.instant();
    return Response.status(Response.Status.CREATED)
        .entity(
            new CodeView.CodesData(created.stream().map(code -> CodeView.of(code, now)).toList()))
        .build();
  }

  @POST
  @Path("release")
  @RolesAllowed({CallerRoles.BOX_OFFICE, CallerRoles.ADMIN})
  @Operation(summary = "Ends the viewer session of a code so it plays on another device: {code}")
  public ReleasedData release(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) CodeRequest fields) {
    return new ReleasedData(
        new Released(
            boxOffice.release(
                fields.code(), device(), AdminAuthentication.actor(context), clients.ip(request))));
  }

  /**
   * The box-office device of this request, which reaches only its events; none for a console user
   * or a device of another role.
   */
  private Optional<DeviceCaller> device() {
    return context.getProperty(DeviceCaller.ATTRIBUTE) instanceof DeviceCaller device
            && device.role() == DeviceRole.BOX_OFFICE
        ? Optional.of(device)
        : Optional.empty();
  }
}

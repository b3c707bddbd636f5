package io.streamgate.platform.devices.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.devices.control.Devices;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Super admins enroll devices and revoke them, under {@code /api/admin}. */
@Path("admin")
@AdminSession
@RolesAllowed(CallerRoles.SUPER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminDevicesResource {

  @Inject Devices devices;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @POST
  @Path("enrollments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "A one-time enrollment code (default 15 minutes) for a device with that role:"
              + " {role, deviceName, expiresInMinutes?, eventIds?}")
  public Response enroll(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) DeviceRequests.NewEnrollment fields) {
    Devices.Enrollment enrollment =
        devices.issue(
            fields.role(),
            fields.deviceName(),
            fields.expiresInMinutes(),
            fields.eventIds(),
            AdminAuthentication.actor(context),
            clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(new DeviceView.EnrollmentData(enrollment))
        .build();
  }

  @GET
  @Path("devices")
  @Operation(summary = "Enrolled devices, newest first")
  public DeviceView.DevicesData list() {
    return new DeviceView.DevicesData(devices.all().stream().map(DeviceView::of).toList());
  }

  @POST
  @Path("devices/{id}/revoke")
  @Operation(summary = "Ends a device's access at once (its next request is refused)")
  public DeviceView.DeviceData revoke(@PathParam("id") String id) {
    return new DeviceView.DeviceData(
        DeviceView.of(devices.revoke(id, AdminAuthentication.actor(context), clients.ip(request))));
  }
}

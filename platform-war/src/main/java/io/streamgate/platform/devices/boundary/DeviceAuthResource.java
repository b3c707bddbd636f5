package io.streamgate.platform.devices.boundary;

import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.devices.control.Devices;
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
 * Devices sign in: an enrollment code, then refresh tokens, each for {@code {accessToken,
 * expiresIn, refreshToken, role}}. 401 with one message for anything that does not sign in; 10
 * attempts per minute per client address.
 */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceAuthResource {

  @Inject Devices devices;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @POST
  @Path("device")
  @Operation(summary = "Exchanges a one-time enrollment code for a device's first credentials")
  public Devices.Credentials enroll(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) DeviceRequests.Enroll fields) {
    return devices.enroll(fields.code(), fields.deviceName(), clients.ip(request));
  }

  @POST
  @Path("refresh")
  @Operation(
      summary =
          "Exchanges a refresh token (once) for new credentials; a used one presented again"
              + " revokes the device")
  public Devices.Credentials refresh(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) DeviceRequests.Refresh fields) {
    return devices.refresh(fields.refreshToken(), clients.ip(request));
  }
}

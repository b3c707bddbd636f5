package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.SecondFactors;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The logged-in person's own second factor, under {@code /api/admin/me}: every console user, and a
 * super admin who may do nothing else until it is on. Devices have no second factor.
 */
@Path("admin/me")
@AdminSession
@RolesAllowed({CallerRoles.OPERATOR, CallerRoles.SECOND_FACTOR_SETUP})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: my account")
public class AdminMeResource {

  @Inject SecondFactors factors;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  public record EnrollmentData(SecondFactors.Enrollment data) {}

  public record RecoveryCodes(List<String> recoveryCodes) {}

  public record RecoveryCodesData(RecoveryCodes data) {}

  @POST
  @Path("totp")
  @Operation(
      summary =
          "Starts setting up two-factor sign-in: {data: {secret, otpauthUri}} for an authenticator"
              + " app; nothing changes at login until a code confirms it")
  public EnrollmentData startTotp() {
    return new EnrollmentData(factors.start(AdminAuthentication.caller(context)));
  }

  @POST
  @Path("totp/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Turns two-factor sign-in on with the app's current code: {code}; answers the ten"
              + " one-time recovery codes, shown only now")
  public RecoveryCodesData confirmTotp(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) UserRequests.TotpCode fields) {
    return new RecoveryCodesData(
        new RecoveryCodes(
            factors.confirm(
                AdminAuthentication.caller(context), fields.code(), clients.ip(request))));
  }
}

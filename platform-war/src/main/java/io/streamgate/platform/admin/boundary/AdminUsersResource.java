package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Console users, for super admins: list, create, change role, (de)activate, reset password. */
@Path("admin/users")
@AdminSession
@RolesAllowed(CallerRoles.SUPER_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: users")
public class AdminUsersResource {

  @Inject AdminAccounts accounts;

  @Inject SecondFactors factors;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @Operation(summary = "All console users by username")
  public UserView.UsersData list() {
    return new UserView.UsersData(accounts.all().stream().map(UserView::of).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Creates a user: {username, password (12+ characters), role super_admin|admin|operator}")
  public Response create(
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) UserRequests.NewUser fields) {
    var user =
        accounts.create(
            fields.username(),
            fields.password(),
            fields.roleValue(),
            AdminAuthentication.actor(context),
            clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(new UserView.UserData(UserView.of(user)))
        .build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Changes a user: {role?, isActive?, password?, version?}; nobody demotes or deactivates"
              + " themselves or the last active super admin")
  public UserView.UserData change(
      @PathParam("id") String id,
      @Valid @NotNull(message = JsonRequests.NOT_AN_OBJECT) UserRequests.Change fields) {
    return new UserView.UserData(
        UserView.of(
            accounts.change(
                id, fields.change(), AdminAuthentication.caller(context), clients.ip(request))));
  }

  @POST
  @Path("{id}/totp-reset")
  @Operation(
      summary =
          "Turns another user's second factor off (a lost phone): they sign in with their"
              + " password and set it up again")
  public UserView.UserData resetTotp(@PathParam("id") String id) {
    factors.reset(id, AdminAuthentication.caller(context), clients.ip(request));
    return new UserView.UserData(UserView.of(accounts.find(id)));
  }
}

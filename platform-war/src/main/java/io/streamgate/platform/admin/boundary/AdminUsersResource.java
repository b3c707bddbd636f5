package io.streamgate.platform.admin.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.data;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminAccounts.UserChange;
import io.streamgate.platform.admin.entity.AdminUser.Role;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Map;
import java.util.Set;
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

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @Operation(summary = "All console users by username")
  public Map<String, Object> list() {
    return data(accounts.all().stream().map(UserJson::user).toList());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Creates a user: {username, password (12+ characters), role super_admin|admin|operator}")
  public Response create(String body) {
    JsonObject fields = JsonRequests.object(body, Set.of("username", "password", "role"));
    var user =
        accounts.create(
            JsonRequests.string(fields, "username"),
            JsonRequests.string(fields, "password"),
            role(JsonRequests.string(fields, "role")),
            AdminAuthentication.caller(context).username(),
            clients.ip(request));
    return Response.status(Response.Status.CREATED).entity(data(UserJson.user(user))).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Changes a user: {role?, isActive?, password?, version?}; nobody demotes or deactivates"
              + " themselves or the last active super admin")
  public Map<String, Object> change(@PathParam("id") String id, String body) {
    JsonObject fields =
        JsonRequests.object(body, Set.of("role", "isActive", "password", "version"));
    String role = JsonRequests.optionalString(fields, "role");
    UserChange change =
        new UserChange(
            role == null ? null : role(role),
            JsonRequests.optionalBoolean(fields, "isActive"),
            JsonRequests.optionalString(fields, "password"),
            JsonRequests.optionalLong(fields, "version"));
    return data(
        UserJson.user(
            accounts.change(id, change, AdminAuthentication.caller(context), clients.ip(request))));
  }

  private static Role role(String label) {
    return Role.ofLabel(label)
        .orElseThrow(() -> new BadRequestException("Role must be super_admin, admin or operator."));
  }
}

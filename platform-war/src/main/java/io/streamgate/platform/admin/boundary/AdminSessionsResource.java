package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminLogins;
import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;

/** Console login, logout and "who am I", under {@code /api/admin}. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionsResource {

  @Inject AdminLogins logins;

  @Inject AdminAccounts accounts;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  /** {@code {username?, password}}; the username defaults to {@code admin}. */
  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> login(String body) {
    if (!SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      throw AdminRefusedException.crossSite();
    }
    JsonObject fields = JsonRequests.object(body, Set.of("username", "password"));
    String username =
        fields.containsKey("username") ? JsonRequests.string(fields, "username").trim() : "admin";
    String password = JsonRequests.string(fields, "password");
    AdminIdentity admin = logins.login(username, password, clients.ip(request));
    ConsoleSessions.start(request, response, admin, clients.https(request));
    return data(admin);
  }

  @POST
  @Path("logout")
  public Map<String, Object> logout() {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Map.of("data", Map.of("loggedOut", true));
  }

  @GET
  @Path("session")
  public Map<String, Object> session() {
    return AdminAuthentication.current(request.getSession(false), accounts)
        .map(AdminSessionsResource::data)
        .orElseThrow(AdminRefusedException::notLoggedIn);
  }

  private static Map<String, Object> data(AdminIdentity admin) {
    return Map.of("data", Map.of("username", admin.username(), "role", admin.role().label()));
  }
}

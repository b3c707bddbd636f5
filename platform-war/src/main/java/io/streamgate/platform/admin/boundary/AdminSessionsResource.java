package io.streamgate.platform.admin.boundary;

import io.streamgate.platform.admin.control.AdminAccounts;
import io.streamgate.platform.admin.control.AdminIdentity;
import io.streamgate.platform.admin.control.AdminLogins;
import io.streamgate.platform.admin.control.AdminRefusedException;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.web.boundary.JsonRecords;
import jakarta.inject.Inject;
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

/** Console login, logout and "who am I", under {@code /api/admin}. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminSessionsResource {

  @Inject AdminLogins logins;

  @Inject AdminAccounts accounts;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  /**
   * {@code {username?, password}} ({@link UserRequests.Login}); the username defaults to {@code
   * admin}. The body stays text, read after the origin check: a cross-site login is refused as such
   * whatever it sends.
   */
  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  public UserView.IdentityData login(String body) {
    if (!SameOrigin.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
      throw AdminRefusedException.crossSite();
    }
    UserRequests.Login fields = JsonRecords.read(body, UserRequests.Login.class);
    AdminIdentity admin =
        logins.login(
            fields.username(),
            fields.password(),
            fields.totp(),
            fields.recoveryCode(),
            clients.ip(request));
    ConsoleSessions.start(request, response, admin, clients.https(request));
    return data(admin);
  }

  @POST
  @Path("logout")
  public UserView.LoggedOutData logout() {
    HttpSession session = AdminAuthentication.consoleSession(request);
    if (session != null) {
      session.invalidate();
    }
    return new UserView.LoggedOutData(new UserView.LoggedOut(true, true));
  }

  @GET
  @Path("session")
  public UserView.IdentityData session() {
    return AdminAuthentication.current(request, accounts)
        .map(AdminSessionsResource::data)
        .orElseThrow(AdminRefusedException::notLoggedIn);
  }

  private static UserView.IdentityData data(AdminIdentity admin) {
    return new UserView.IdentityData(UserView.Identity.of(admin));
  }
}

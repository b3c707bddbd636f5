package io.streamgate.platform.revocation.boundary;

import static io.streamgate.platform.admin.boundary.AdminJson.data;
import static io.streamgate.platform.admin.boundary.AdminJson.token;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.revocation.control.Revocations;
import io.streamgate.platform.runtime.boundary.Clients;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Map;

/**
 * The admin API's access changes: revoke and un-revoke a code, deactivate and reactivate an event.
 * Each reaches every media server through the data grid right after it is committed.
 */
@Path("admin")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
public class AdminAccessResource {

  @Inject Revocations revocations;

  @Inject Clients clients;

  @Inject Clock clock;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @PATCH
  @Path("tokens/{id}/revoke")
  public Map<String, Object> revoke(@PathParam("id") String id) {
    return data(
        token(revocations.revokeCodeWithId(id, actor(), clients.ip(request)), clock.instant()));
  }

  @PATCH
  @Path("tokens/{id}/unrevoke")
  public Map<String, Object> unrevoke(@PathParam("id") String id) {
    return data(
        token(revocations.restoreCodeWithId(id, actor(), clients.ip(request)), clock.instant()));
  }

  @PATCH
  @Path("events/{id}/deactivate")
  public Map<String, Object> deactivate(@PathParam("id") String id) {
    revocations.deactivateEvent(id, actor(), clients.ip(request));
    return data(Map.of("id", id, "isActive", false));
  }

  @PATCH
  @Path("events/{id}/reactivate")
  public Map<String, Object> reactivate(@PathParam("id") String id) {
    revocations.reactivateEvent(id, actor(), clients.ip(request));
    return data(Map.of("id", id, "isActive", true));
  }

  private String actor() {
    return AdminAuthentication.caller(context).username();
  }
}

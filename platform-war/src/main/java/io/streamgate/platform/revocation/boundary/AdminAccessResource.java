package io.streamgate.platform.revocation.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.codes.entity.AccessCode;
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
import java.time.Instant;
import java.util.LinkedHashMap;
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
    return data(token(revocations.revokeCodeWithId(id, actor(), clients.ip(request))));
  }

  @PATCH
  @Path("tokens/{id}/unrevoke")
  public Map<String, Object> unrevoke(@PathParam("id") String id) {
    return data(token(revocations.restoreCodeWithId(id, actor(), clients.ip(request))));
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

  private Map<String, Object> token(AccessCode code) {
    Map<String, Object> token = new LinkedHashMap<>();
    token.put("id", code.id());
    token.put("code", code.code());
    token.put("eventId", code.event().id());
    token.put("label", code.label());
    token.put("status", code.status(clock.instant()));
    token.put("isRevoked", code.revoked());
    token.put("revokedAt", text(code.revokedAt()));
    token.put("redeemedAt", text(code.redeemedAt()));
    token.put("expiresAt", text(code.expiresAt()));
    return token;
  }

  private static String text(Instant at) {
    return at == null ? null : at.toString();
  }

  private static Map<String, Object> data(Object data) {
    return Map.of("data", data);
  }
}

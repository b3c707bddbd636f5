package io.streamgate.platform.playback.boundary;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.playback.control.PlaybackCallers;
import io.streamgate.platform.playback.control.PlaybackTokenMint;
import io.streamgate.platform.playback.control.Redemptions;
import io.streamgate.platform.sessions.control.ViewerSessions;
import io.streamgate.platform.web.boundary.JsonRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;

/** Keep, refresh and release a viewer's playback session. */
@Path("playback")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybackResource {

  @Inject ViewerSessions sessions;

  @Inject Redemptions redemptions;

  @Inject PlaybackCallers callers;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  /** Answers {@code {"ok": true}} while the session holds its code. */
  @POST
  @Path("heartbeat")
  @RolesAllowed(CallerRoles.VIEWER)
  public Map<String, Boolean> heartbeat() {
    sessions.heartbeat(caller());
    return Map.of("ok", true);
  }

  /** A fresh token for the same session. */
  @POST
  @Path("refresh")
  @RolesAllowed(CallerRoles.VIEWER)
  public Map<String, Object> refresh() {
    PlaybackTokenMint.Minted token = redemptions.refresh(caller(), clients.ip(request));
    return Map.of("playbackToken", token.token(), "tokenExpiresIn", token.expiresInSeconds());
  }

  /**
   * Frees the code. The token comes in the Authorization header, or in the body because {@code
   * navigator.sendBeacon} cannot set headers: {@code {"token": "..."}} or the bare JWT as text.
   */
  @POST
  @Path("release")
  public Map<String, Boolean> release(String body) {
    String token = PlaybackTokens.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      token = tokenFromBody(body);
    }
    sessions.release(callers.authenticate(token), clients.ip(request));
    return Map.of("released", true);
  }

  private static String tokenFromBody(String body) {
    String trimmed = body == null ? "" : body.trim();
    if (trimmed.startsWith("{")) {
      return JsonRequests.string(JsonRequests.object(trimmed, Set.of("token")), "token");
    }
    return trimmed;
  }

  private PlaybackClaims caller() {
    return (PlaybackClaims) context.getProperty(PlaybackAuthentication.CLAIMS);
  }
}

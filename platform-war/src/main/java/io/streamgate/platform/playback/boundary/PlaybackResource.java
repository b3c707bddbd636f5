package io.streamgate.platform.playback.boundary;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.PlaybackTokens;
import io.streamgate.platform.analytics.control.ViewingRecords;
import io.streamgate.platform.analytics.entity.QualityReport;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.playback.control.PlaybackCallers;
import io.streamgate.platform.playback.control.PlaybackTokenMint;
import io.streamgate.platform.playback.control.Redemptions;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.sessions.control.ViewerSessions;
import io.streamgate.platform.web.boundary.JsonRecords;
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

/** Keep, refresh and release a viewer's playback session. */
@Path("playback")
@Produces(MediaType.APPLICATION_JSON)
public class PlaybackResource {

  @Inject ViewerSessions sessions;

  @Inject Redemptions redemptions;

  @Inject PlaybackCallers callers;

  @Inject Clients clients;

  @Inject ViewingRecords records;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  /**
   * Answers {@code {"ok": true}} while the session holds its code. The body may carry the player's
   * {@link QualityReport} on its session so far; a report out of bounds refuses the heartbeat (400)
   * before anything is written, one within {@link ViewingRecords#REPORT_SPACING} of the last is
   * ignored. The token decides whose figures a report changes: only its own session's.
   */
  @POST
  @Path("heartbeat")
  @RolesAllowed(CallerRoles.VIEWER)
  public PlaybackJson.Ok heartbeat(String body) {
    QualityReport report =
        body == null || body.isBlank() ? null : JsonRecords.read(body, QualityReport.class);
    if (report != null) {
      report
          .outOfBounds()
          .ifPresent(
              problem -> {
                throw new BadRequestException(problem);
              });
    }
    PlaybackClaims caller = caller();
    sessions.heartbeat(caller);
    if (report != null) {
      records.report(caller.sid(), report);
    }
    return new PlaybackJson.Ok(true);
  }

  /** A fresh token for the same session. */
  @POST
  @Path("refresh")
  @RolesAllowed(CallerRoles.VIEWER)
  public PlaybackJson.Refreshed refresh() {
    PlaybackTokenMint.Minted token = redemptions.refresh(caller(), clients.ip(request));
    return new PlaybackJson.Refreshed(token.token(), token.expiresInSeconds());
  }

  /**
   * Frees the code. The token comes in the Authorization header, or in the body because {@code
   * navigator.sendBeacon} cannot set headers: {@code {"token": "..."}} or the bare JWT as text, so
   * the body stays text (any content type), read as {@link PlaybackJson.TokenRequest} when it is an
   * object.
   */
  @POST
  @Path("release")
  public PlaybackJson.Released release(String body) {
    String token = PlaybackTokens.fromAuthorization(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      token = tokenFromBody(body);
    }
    sessions.release(callers.authenticate(token), clients.ip(request));
    return new PlaybackJson.Released(true);
  }

  private static String tokenFromBody(String body) {
    String trimmed = body == null ? "" : body.trim();
    if (trimmed.startsWith("{")) {
      return JsonRecords.read(trimmed, PlaybackJson.TokenRequest.class).token();
    }
    return trimmed;
  }

  private PlaybackClaims caller() {
    return (PlaybackClaims) context.getProperty(PlaybackAuthentication.CLAIMS);
  }
}

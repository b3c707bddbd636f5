package io.streamgate.platform.sessions.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.sessions.control.ViewerSessions;
import io.streamgate.platform.sessions.entity.ViewerSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's viewers: who watches an event now, and releasing a device's hold on a code. */
@Path("admin")
@AdminSession
@RolesAllowed(CallerRoles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: viewers")
public class AdminViewersResource {

  @Inject ViewerSessions sessions;

  @Inject EventAdministration events;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @RolesAllowed(CallerRoles.OPERATOR)
  @Path("events/{id}/sessions")
  @Operation(
      summary =
          "The event's live viewer sessions (codes masked), newest first; `sharing` is set on a"
              + " session whose token a media server saw played by several clients at once"
              + " (TOKEN_SHARING=flag)")
  public SessionView.SessionsData ofEvent(@PathParam("id") String id) {
    String eventId = events.find(id).id();
    Map<String, SessionView.Sharing> sharing = new HashMap<>();
    sessions
        .sharingOfEvent(eventId, ViewerSessions.SHARING_SHOWN)
        .forEach(seen -> sharing.put(seen.sessionId(), SessionView.Sharing.of(seen)));
    List<SessionView> live = new ArrayList<>();
    for (ViewerSession session : sessions.liveOfEvent(eventId)) {
      live.add(SessionView.of(session, sharing.get(session.sessionId())));
    }
    return new SessionView.SessionsData(live);
  }

  @GET
  @RolesAllowed(CallerRoles.OPERATOR)
  @Path("events/{id}/token-sharing")
  @Operation(
      summary =
          "Viewer sessions of the last day whose token a media server saw played by several"
              + " clients at once, newest first: `ended` (the code was freed) or `flagged`")
  public SessionView.SharingData sharingOfEvent(@PathParam("id") String id) {
    return new SessionView.SharingData(
        sessions.sharingOfEvent(events.find(id).id(), ViewerSessions.SHARING_SHOWN).stream()
            .map(SessionView.Sharing::of)
            .toList());
  }

  @DELETE
  @Path("sessions/{id}")
  @Operation(
      summary =
          "Ends a viewer session so its code can be used on another device at once; media"
              + " servers refuse the ended session's token")
  public Response release(@PathParam("id") String id) {
    sessions.releaseForAdmin(id, AdminAuthentication.actor(context), clients.ip(request));
    return Response.noContent().build();
  }
}

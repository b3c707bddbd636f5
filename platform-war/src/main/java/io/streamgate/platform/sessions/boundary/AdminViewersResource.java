package io.streamgate.platform.sessions.boundary;

import static io.streamgate.platform.admin.boundary.AdminJson.data;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminJson;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.runtime.boundary.Clients;
import io.streamgate.platform.sessions.control.ViewerSessions;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's viewers: who watches an event now, and releasing a device's hold on a code. */
@Path("admin")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: viewers")
public class AdminViewersResource {

  @Inject ViewerSessions sessions;

  @Inject EventAdministration events;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @Path("events/{id}/sessions")
  @Operation(summary = "The event's live viewer sessions (codes masked), newest first")
  public Map<String, Object> ofEvent(@PathParam("id") String id) {
    return data(
        sessions.liveOfEvent(events.find(id).id()).stream().map(AdminJson::viewerSession).toList());
  }

  @DELETE
  @Path("sessions/{id}")
  @Operation(
      summary =
          "Ends a viewer session so its code can be used on another device at once; media"
              + " servers refuse the ended session's token")
  public Response release(@PathParam("id") String id) {
    sessions.releaseForAdmin(
        id, AdminAuthentication.caller(context).username(), clients.ip(request));
    return Response.noContent().build();
  }
}

package io.streamgate.platform.events.boundary;

import static io.streamgate.platform.admin.boundary.AdminJson.data;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminJson;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.control.EventDraft;
import io.streamgate.platform.runtime.boundary.Clients;
import io.streamgate.platform.runtime.boundary.JsonRequests;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Set;

/** The admin API's events: create, read, and generate codes for one. */
@Path("admin")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventsResource {

  private static final Set<String> EVENT_FIELDS =
      Set.of(
          "title",
          "description",
          "streamUrl",
          "posterUrl",
          "startsAt",
          "endsAt",
          "accessWindowHours");

  @Inject EventAdministration events;

  @Inject Clients clients;

  @Inject Clock clock;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  /**
   * {@code {title, description?, streamUrl?, posterUrl?, startsAt, endsAt, accessWindowHours?}}.
   */
  @POST
  @Path("events")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    JsonObject fields = JsonRequests.object(body, EVENT_FIELDS);
    EventDraft draft =
        new EventDraft(
            JsonRequests.optionalString(fields, "title"),
            JsonRequests.optionalString(fields, "description"),
            JsonRequests.optionalString(fields, "streamUrl"),
            JsonRequests.optionalString(fields, "posterUrl"),
            JsonRequests.instant(fields, "startsAt"),
            JsonRequests.instant(fields, "endsAt"),
            JsonRequests.integer(fields, "accessWindowHours", Spec.ACCESS_WINDOW_DEFAULT_HOURS));
    var event = events.create(draft, actor(), clients.ip(request));
    return Response.status(Response.Status.CREATED).entity(data(AdminJson.event(event))).build();
  }

  @GET
  @Path("events/{id}")
  public Object event(@PathParam("id") String id) {
    return data(AdminJson.event(events.find(id)));
  }

  /** {@code {count: 1-500, label?}}: the new codes, each expiring when the access window closes. */
  @POST
  @Path("events/{id}/tokens/generate")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response generate(@PathParam("id") String id, String body) {
    JsonObject fields = JsonRequests.object(body, Set.of("count", "label"));
    int count = JsonRequests.integer(fields, "count", 0);
    var codes =
        events.generate(
            id, count, JsonRequests.optionalString(fields, "label"), actor(), clients.ip(request));
    var now = clock.instant();
    return Response.status(Response.Status.CREATED)
        .entity(data(codes.stream().map(code -> AdminJson.token(code, now)).toList()))
        .build();
  }

  private String actor() {
    return AdminAuthentication.caller(context).username();
  }
}

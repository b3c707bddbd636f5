package io.streamgate.platform.events.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.data;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.codes.boundary.CodeJson;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.control.EventDraft;
import io.streamgate.platform.events.control.EventQueries;
import io.streamgate.platform.events.control.EventQueries.EventFilter;
import io.streamgate.platform.events.control.EventQueries.Shown;
import io.streamgate.platform.events.control.EventQueries.Sort;
import io.streamgate.platform.events.control.EventQueries.Timeframe;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.web.boundary.ApiJson;
import io.streamgate.platform.web.boundary.JsonRequests;
import io.streamgate.platform.web.boundary.QueryParams;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's events: list, create, read, change, archive, delete, generate codes. */
@Path("admin")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: events")
public class AdminEventsResource {

  private static final Set<String> EVENT_FIELDS =
      Set.of(
          "title",
          "description",
          "streamUrl",
          "posterUrl",
          "startsAt",
          "endsAt",
          "accessWindowHours",
          "version");

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  @Inject EventAdministration events;

  @Inject EventQueries queries;

  @Inject CodeQueries codes;

  @Inject Clients clients;

  @Inject Clock clock;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @Path("events")
  @Operation(
      summary =
          "Events, a page at a time: status active|inactive|archived|current|all (default active),"
              + " timeframe upcoming|past, search (part of the title), sort startDate|title|tokenCount, order asc|desc"
              + " (default startDate desc), page, limit (default 20, at most 100)")
  public Map<String, Object> list(
      @QueryParam("status") String status,
      @QueryParam("timeframe") String timeframe,
      @QueryParam("search") String search,
      @QueryParam("sort") String sort,
      @QueryParam("order") String order,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    EventFilter filter =
        new EventFilter(
            QueryParams.choice(
                    status, "status", Shown::ofLabel, "active, inactive, archived, current, all")
                .orElse(Shown.ACTIVE),
            QueryParams.choice(timeframe, "timeframe", Timeframe::ofLabel, "upcoming, past")
                .orElse(null),
            search,
            QueryParams.choice(sort, "sort", Sort::ofLabel, "startDate, title, tokenCount")
                .orElse(Sort.STARTDATE),
            !"asc"
                .equals(
                    QueryParams.choice(order, "order", AdminEventsResource::order, "asc, desc")
                        .orElse("desc")));
    Paging paging = QueryParams.paging(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
    return ApiJson.page(
        queries.list(filter, paging),
        listed -> EventJson.listedEvent(listed.event(), listed.codeCount()));
  }

  @POST
  @Path("events")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Creates an event: {title, description?, streamUrl?, posterUrl?, startsAt, endsAt,"
              + " accessWindowHours? (1-168, default 48)}")
  public Response create(String body) {
    Event event = events.create(draft(JsonRequests.object(body, EVENT_FIELDS)), actor(), ip());
    return Response.status(Response.Status.CREATED).entity(data(detail(event))).build();
  }

  @GET
  @Path("events/{id}")
  @Operation(summary = "One event with its codes counted by status")
  public Map<String, Object> event(@PathParam("id") String id) {
    return data(detail(events.find(id)));
  }

  @PUT
  @Path("events/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Replaces an event's fields (as for create); with version, refused (409) when someone"
              + " else saved the event since that version")
  public Map<String, Object> update(@PathParam("id") String id, String body) {
    JsonObject fields = JsonRequests.object(body, EVENT_FIELDS);
    Long version = JsonRequests.optionalLong(fields, "version");
    return data(detail(events.update(id, draft(fields), version, actor(), ip())));
  }

  @DELETE
  @Path("events/{id}")
  @Operation(
      summary =
          "Deletes an event with its codes and viewer sessions; X-Confirm-Delete must carry its"
              + " exact title")
  public Response delete(
      @PathParam("id") String id, @HeaderParam("X-Confirm-Delete") String confirmation) {
    events.delete(id, confirmation, actor(), ip());
    return Response.noContent().build();
  }

  @PATCH
  @Path("events/{id}/archive")
  @Operation(summary = "Archives an event: hidden from lists, its codes keep working")
  public Map<String, Object> archive(@PathParam("id") String id) {
    return data(detail(events.archive(id, true, actor(), ip())));
  }

  @PATCH
  @Path("events/{id}/unarchive")
  @Operation(summary = "Brings an archived event back into the lists")
  public Map<String, Object> unarchive(@PathParam("id") String id) {
    return data(detail(events.archive(id, false, actor(), ip())));
  }

  /** {@code {count: 1-500, label?}}: the new codes, each expiring when the access window closes. */
  @POST
  @Path("events/{id}/tokens/generate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Generates 1-500 codes for an event: {count, label?}")
  public Response generate(@PathParam("id") String id, String body) {
    JsonObject fields = JsonRequests.object(body, Set.of("count", "label"));
    int count = JsonRequests.integer(fields, "count", 0);
    var created =
        events.generate(id, count, JsonRequests.optionalString(fields, "label"), actor(), ip());
    var now = clock.instant();
    return Response.status(Response.Status.CREATED)
        .entity(data(created.stream().map(code -> CodeJson.token(code, now)).toList()))
        .build();
  }

  /** The platform guide's spelling of {@link #generate}. */
  @POST
  @Path("events/{id}/tokens")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Same as POST events/{id}/tokens/generate")
  public Response generateAlias(@PathParam("id") String id, String body) {
    return generate(id, body);
  }

  private Map<String, Object> detail(Event event) {
    return EventJson.eventDetail(event, codes.counts(event.id()));
  }

  private static EventDraft draft(JsonObject fields) {
    return new EventDraft(
        JsonRequests.optionalString(fields, "title"),
        JsonRequests.optionalString(fields, "description"),
        JsonRequests.optionalString(fields, "streamUrl"),
        JsonRequests.optionalString(fields, "posterUrl"),
        JsonRequests.instant(fields, "startsAt"),
        JsonRequests.instant(fields, "endsAt"),
        JsonRequests.integer(fields, "accessWindowHours", Spec.ACCESS_WINDOW_DEFAULT_HOURS));
  }

  private static java.util.Optional<String> order(String word) {
    return "asc".equals(word) || "desc".equals(word)
        ? java.util.Optional.of(word)
        : java.util.Optional.empty();
  }

  private String actor() {
    return AdminAuthentication.caller(context).username();
  }

  private String ip() {
    return clients.ip(request);
  }
}

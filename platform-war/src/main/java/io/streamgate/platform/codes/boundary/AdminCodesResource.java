package io.streamgate.platform.codes.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.codes.boundary.CodeView.CodesPage;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.codes.control.CodeQueries.CodeFilter;
import io.streamgate.platform.codes.entity.CodeStatus;
import io.streamgate.platform.csv.control.CsvRows;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.paging.control.Paging;
import io.streamgate.platform.web.boundary.ApiJson;
import io.streamgate.platform.web.boundary.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's code lists and the CSV export. */
@Path("admin")
@AdminSession
@RolesAllowed(CallerRoles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: codes")
public class AdminCodesResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  @Inject CodeQueries codes;

  @Inject EventAdministration events;

  @Inject CodeCsv csv;

  @Inject Clock clock;

  @Inject AuditTrail audit;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @GET
  @Path("tokens")
  @Operation(
      summary =
          "Codes, newest first: eventId, status unused|redeemed|expired|revoked, search (the"
              + " start of a code, dashes and case ignored, or of a label), page, limit (default"
              + " 50, at most 200); totals beyond 10,000 are given as 10,000 with totalIsExact"
              + " false")
  public CodesPage list(
      @QueryParam("eventId") String eventId,
      @QueryParam("status") String status,
      @QueryParam("search") String search,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    if (eventId != null && !eventId.isEmpty()) {
      events.find(eventId);
    }
    CodeFilter filter =
        new CodeFilter(
            eventId == null || eventId.isEmpty() ? null : eventId,
            QueryParams.choice(
                    status, "status", CodeStatus::ofLabel, "unused, redeemed, expired, revoked")
                .orElse(null),
            search);
    Paging paging = QueryParams.paging(page, limit, DEFAULT_LIMIT, MAX_LIMIT);
    Instant now = clock.instant();
    var listed = codes.list(filter, paging);
    return new CodesPage(
        listed.items().stream().map(code -> CodeView.listed(code, now)).toList(),
        ApiJson.pagination(listed));
  }

  @GET
  @Path("events/{id}/tokens")
  @Operation(summary = "One event's codes, with the same filters as GET tokens")
  public CodesPage listOfEvent(
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("search") String search,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    return list(events.find(id).id(), status, search, page, limit);
  }

  @GET
  @Path("events/{id}/tokens/export")
  @Produces("text/csv")
  @Operation(
      summary =
          "All codes of an event as CSV (Code, Event Title, Expires At, Label, Status), streamed")
  public Response export(@PathParam("id") String id) {
    Event event = events.find(id);
    audit.record(
        AdminAuthentication.actor(context), "codes-export", event.id(), clients.ip(request), null);
    StreamingOutput body = out -> csv.write(event, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", CsvRows.attachment("tokens", event.title()))
        .header("Cache-Control", "no-store")
        .build();
  }
}

package io.streamgate.platform.tickets.boundary;

import io.streamgate.platform.admin.boundary.AdminAuthentication;
import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.tickets.control.AttendeeSource;
import io.streamgate.platform.tickets.control.Attendees;
import io.streamgate.platform.tickets.entity.Attendee;
import io.streamgate.platform.web.boundary.ApiJson;
import io.streamgate.platform.web.boundary.JsonRequests;
import io.streamgate.platform.web.boundary.LargeBody;
import io.streamgate.platform.web.boundary.QueryParams;
import io.streamgate.platform.web.boundary.RequestSizeLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Tickets by e-mail: an event's attendees, each sent a code of their own. A CSV list ({@code
 * email,name,label,time zone}) or one attendee as JSON; the list of attendees with where each
 * message stands; a message sent again.
 */
@Path("admin/events/{id}/attendees")
@AdminSession
@RolesAllowed(CallerRoles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: events")
public class AttendeesResource {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  @Inject Attendees attendees;

  @Inject Clients clients;

  @Context HttpServletRequest request;

  @Context ContainerRequestContext context;

  @POST
  @RolesAllowed(CallerRoles.ADMIN)
  @Consumes("text/csv")
  @LargeBody(bytes = RequestSizeLimit.FILE_MAX_BYTES)
  @Operation(
      summary =
          "Adds up to 10,000 attendees (CSV: email, name, label?, time zone?), each with a new"
              + " code and a queued e-mail; rows that are not addresses or are attendees already"
              + " are reported by line, the others queued")
  public Response addList(@PathParam("id") String id, InputStream body) {
    if (body == null) {
      throw new BadRequestException("The body holds no attendees.");
    }
    Attendees.Outcome outcome =
        attendees.add(
            id,
            AttendeeSource.rows(body),
            clients.baseUrl(request),
            AdminAuthentication.actor(context),
            clients.ip(request));
    return Response.status(Response.Status.CREATED)
        .entity(
            new AttendeeView.AddedData(
                new AttendeeView.Added(
                    outcome.queued().size(), outcome.problems(), outcome.problemCount())))
        .build();
  }

  @POST
  @RolesAllowed(CallerRoles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Adds one attendee {email, name?, label?, timeZone?} and queues their e-mail")
  public Response addOne(
      @PathParam("id") String id,
      @NotNull(message = JsonRequests.NOT_AN_OBJECT) AttendeeView.NewAttendee fields) {
    Attendee added =
        attendees.addOne(
            id,
            new Attendees.Entry(fields.email(), fields.name(), fields.label(), fields.timeZone()),
            clients.baseUrl(request),
            AdminAuthentication.actor(context),
            clients.ip(request));
    return Response.status(Response.Status.CREATED).entity(view(added)).build();
  }

  @GET
  @Operation(
      summary =
          "The event's attendees, oldest first: status queued|sent|failed, page, limit (default"
              + " 50, at most 200), with the counts of each status")
  public AttendeeView.AttendeesPage list(
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("limit") String limit) {
    EnumSet<Attendee.Status> statuses =
        QueryParams.choice(status, "status", AttendeesResource::status, "queued, sent, failed")
            .map(EnumSet::of)
            .orElse(EnumSet.allOf(Attendee.Status.class));
    var listed =
        attendees.list(id, statuses, QueryParams.paging(page, limit, DEFAULT_LIMIT, MAX_LIMIT));
    Map<String, String> codes = attendees.codesOf(listed.items());
    Map<Attendee.Status, Long> counts = attendees.counts(id);
    return new AttendeeView.AttendeesPage(
        listed.items().stream().map(attendee -> AttendeeView.of(attendee, codes)).toList(),
        ApiJson.pagination(listed),
        new AttendeeView.Counts(
            counts.get(Attendee.Status.QUEUED),
            counts.get(Attendee.Status.SENT),
            counts.get(Attendee.Status.FAILED)));
  }

  @POST
  @RolesAllowed(CallerRoles.ADMIN)
  @Path("{attendeeId}/resend")
  @Operation(summary = "Queues the attendee's e-mail again, with the same code")
  public AttendeeView.AttendeeData resend(
      @PathParam("id") String id, @PathParam("attendeeId") String attendeeId) {
    return view(
        attendees.resend(id, attendeeId, AdminAuthentication.actor(context), clients.ip(request)));
  }

  private AttendeeView.AttendeeData view(Attendee attendee) {
    return new AttendeeView.AttendeeData(
        AttendeeView.of(attendee, attendees.codesOf(List.of(attendee))));
  }

  private static Optional<Attendee.Status> status(String text) {
    return Arrays.stream(Attendee.Status.values())
        .filter(status -> status.label().equals(text))
        .findFirst();
  }
}

package io.streamgate.platform.analytics.boundary;

import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.analytics.control.Audience;
import io.streamgate.platform.analytics.control.AudienceAnalytics;
import io.streamgate.platform.clients.control.CallerRoles;
import io.streamgate.platform.csv.control.CsvRows;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's audience analytics of an event, during it and after. */
@Path("admin/events/{id}/analytics")
@AdminSession
@RolesAllowed(CallerRoles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: analytics")
public class AdminAnalyticsResource {

  @Inject AudienceAnalytics analytics;

  @Inject EventAdministration events;

  @GET
  @Operation(
      summary =
          "The event's audience: viewers by minute with the peak, codes redeemed of issued,"
              + " sessions, devices, watch time, start-up time, rebuffering, errors by kind,"
              + " renditions, browsers, end reasons; live while someone watches")
  public AnalyticsData ofEvent(@PathParam("id") String id) {
    return new AnalyticsData(analytics.of(events.find(id).id()));
  }

  @GET
  @Path("export")
  @Produces("text/csv")
  @Operation(summary = "The event's viewers by minute as CSV (Minute (UTC), Viewers, Sessions)")
  public Response export(@PathParam("id") String id) {
    Event event = events.find(id);
    Audience audience = analytics.of(event.id());
    StreamingOutput body = out -> AudienceCsv.write(audience, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", CsvRows.attachment("analytics", event.title()))
        .header("Cache-Control", "no-store")
        .build();
  }

  /** The API's envelope. */
  public record AnalyticsData(Audience data) {}
}

package io.streamgate.platform.dashboard.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.data;

import io.streamgate.platform.admin.boundary.AdminSession;
import io.streamgate.platform.dashboard.control.Dashboard;
import io.streamgate.platform.dashboard.control.Dashboard.Summary;
import io.streamgate.platform.events.boundary.EventView.TokenBreakdown;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin API's dashboard: the specification's summary plus live viewers per event. */
@Path("admin/dashboard")
@AdminSession
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: dashboard")
public class AdminDashboardResource {

  @Inject Dashboard dashboard;

  @GET
  @Operation(
      summary =
          "activeEvents, totalTokens, tokenBreakdown, upcomingEvents, liveViewers (total and per"
              + " event)")
  public Map<String, Object> summary() {
    Summary summary = dashboard.summary();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("activeEvents", summary.activeEvents());
    json.put("totalTokens", summary.codes().total());
    json.put("tokenBreakdown", TokenBreakdown.of(summary.codes()));
    json.put(
        "upcomingEvents",
        summary.upcoming().stream()
            .map(
                u -> {
                  Map<String, Object> event = new LinkedHashMap<>();
                  event.put("id", u.event().id());
                  event.put("title", u.event().title());
                  event.put("startsAt", u.event().startsAt().toString());
                  event.put("tokenCount", u.tokenCount());
                  return event;
                })
            .toList());
    json.put("liveViewers", summary.viewers());
    json.put(
        "liveViewersByEvent",
        summary.watched().stream()
            .map(w -> Map.of("eventId", w.eventId(), "title", w.title(), "viewers", w.viewers()))
            .toList());
    return data(json);
  }
}

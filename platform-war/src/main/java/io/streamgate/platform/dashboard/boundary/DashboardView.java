package io.streamgate.platform.dashboard.boundary;

import io.streamgate.platform.dashboard.control.Dashboard.Summary;
import io.streamgate.platform.dashboard.control.Dashboard.Upcoming;
import io.streamgate.platform.dashboard.control.Dashboard.Watched;
import io.streamgate.platform.events.boundary.EventView.CodeBreakdown;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The admin API's dashboard: the specification's summary plus live viewers per event. */
@JsonbPropertyOrder({
  "activeEvents",
  "totalTokens",
  "tokenBreakdown",
  "upcomingEvents",
  "liveViewers",
  "liveViewersByEvent"
})
public record DashboardView(
    long activeEvents,
    long totalTokens,
    CodeBreakdown tokenBreakdown,
    List<UpcomingEvent> upcomingEvents,
    long liveViewers,
    List<LiveViewers> liveViewersByEvent) {

  static DashboardView of(Summary summary) {
    return new DashboardView(
        summary.activeEvents(),
        summary.codes().total(),
        CodeBreakdown.of(summary.codes()),
        summary.upcoming().stream().map(UpcomingEvent::of).toList(),
        summary.viewers(),
        summary.watched().stream().map(LiveViewers::of).toList());
  }

  /** An event about to start, with its code count; its start as the instant's full text. */
  @JsonbNillable
  @JsonbPropertyOrder({"id", "title", "startsAt", "tokenCount"})
  public record UpcomingEvent(String id, String title, String startsAt, long tokenCount) {

    static UpcomingEvent of(Upcoming upcoming) {
      return new UpcomingEvent(
          upcoming.event().id(),
          upcoming.event().title(),
          upcoming.event().startsAt().toString(),
          upcoming.codeCount());
    }
  }

  /** How many viewers watch an event now. */
  @JsonbPropertyOrder({"eventId", "title", "viewers"})
  public record LiveViewers(String eventId, String title, long viewers) {

    static LiveViewers of(Watched watched) {
      return new LiveViewers(watched.eventId(), watched.title(), watched.viewers());
    }
  }

  /** {@code {data: dashboard}}. */
  public record DashboardData(DashboardView data) {}
}

package io.streamgate.platform.analytics.boundary;

import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.analytics.control.Audience;
import io.streamgate.platform.analytics.control.AudienceAnalytics;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Backs the console's analytics page of an event: the figures, and the Chart.js configurations of
 * its charts (PrimeFaces {@code p:chart} takes them as JSON). While someone watches, the page asks
 * again every 15 seconds: the view keeps the event, each request computes the figures afresh.
 */
@Named
@ViewScoped
public class AnalyticsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** The accent of the console and colours readable on white, for the charts. */
  private static final List<String> COLOURS =
      List.of("#2563EB", "#059669", "#D97706", "#DC2626", "#7C3AED", "#0891B2", "#4B5563");

  @Inject AudienceAnalytics analytics;

  @Inject EventAdministration events;

  @Inject Console console;

  /** The event's id once it is known to exist; null while not (the page then says so). */
  private String eventId;

  private String title;

  /** Computed once per request: a poll asks for fresh figures. */
  private transient Audience audience;

  /** Reads the event named by the {@code event} parameter (f:viewAction); unknown: a message. */
  public void load() {
    console.identity();
    Event event =
        eventId == null || eventId.isBlank() ? null : Pages.result(() -> events.find(eventId));
    eventId = event == null ? null : event.id();
    title = event == null ? null : event.title();
  }

  public String getEventId() {
    return eventId;
  }

  public void setEventId(String eventId) {
    this.eventId = eventId;
  }

  /** Whether the page shows an event (one that exists). */
  public boolean isFound() {
    return title != null;
  }

  public String getTitle() {
    return title;
  }

  public Audience getAudience() {
    if (audience == null && title != null) {
      audience = analytics.of(eventId);
    }
    return audience;
  }

  /** Figures again, for the poll while the event is watched. */
  public void refresh() {
    audience = null;
  }

  public String minute(java.time.Instant at) {
    return at == null ? "" : MINUTE.format(at) + " UTC";
  }

  /** Seconds as "2 h 05 min", "12 min 30 s" or "45 s". */
  public String duration(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    if (d.toHours() > 0) {
      return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }
    if (d.toMinutes() > 0) {
      return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }
    return d.toSeconds() + " s";
  }

  public String percent(double ratio) {
    return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  public String kbps(Integer kbps) {
    return kbps == null ? "–" : String.format(Locale.ROOT, "%.1f Mbit/s", kbps / 1000.0);
  }

  public String milliseconds(Integer ms) {
    return ms == null ? "–" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
  }

  /** Viewers by minute, the peak marked by a point of its own. */
  public String getViewersChart() {
    Audience figures = getAudience();
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder viewers = Json.createArrayBuilder();
    JsonArrayBuilder peak = Json.createArrayBuilder();
    for (Audience.Minute minute : figures.minutes()) {
      labels.add(CLOCK.format(minute.minute()));
      viewers.add(minute.viewers());
      if (figures.peak() != null && minute.minute().equals(figures.peak().minute())) {
        peak.add(minute.viewers());
      } else {
        peak.addNull();
      }
    }
    String peakLabel =
        figures.peak() == null
            ? "Peak"
            : "Peak: " + figures.peak().viewers() + " at " + CLOCK.format(figures.peak().minute());
    JsonObjectBuilder data =
        data(
            labels,
            Json.createObjectBuilder()
                .add("label", "Viewers")
                .add("data", viewers)
                .add("borderColor", COLOURS.get(0))
                .add("backgroundColor", "rgba(37, 99, 235, 0.15)")
                .add("fill", true)
                .add("pointRadius", 0)
                .add("stepped", true),
            Json.createObjectBuilder()
                .add("label", peakLabel)
                .add("data", peak)
                .add("borderColor", COLOURS.get(3))
                .add("backgroundColor", COLOURS.get(3))
                .add("pointRadius", 6)
                .add("showLine", false));
    return chart("line", data, axes("Minute (UTC)", "Viewers"));
  }

  public String getErrorsChart() {
    Audience.Errors errors = getAudience().errors();
    JsonObjectBuilder data =
        data(
            Json.createArrayBuilder().add("Network").add("Media").add("Key").add("Access"),
            Json.createObjectBuilder()
                .add("label", "Fatal errors")
                .add(
                    "data",
                    Json.createArrayBuilder()
                        .add(errors.network())
                        .add(errors.media())
                        .add(errors.key())
                        .add(errors.access()))
                .add("backgroundColor", COLOURS.get(3)));
    return chart("bar", data, axes("Kind", "Errors"));
  }

  public String getRenditionsChart() {
    return shares(getAudience().renditions());
  }

  public String getBrowsersChart() {
    return shares(getAudience().browsers());
  }

  private static String shares(List<Audience.Share> shares) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder counts = Json.createArrayBuilder();
    JsonArrayBuilder colours = Json.createArrayBuilder();
    for (int i = 0; i < shares.size(); i++) {
      labels.add(shares.get(i).name());
      counts.add(shares.get(i).count());
      colours.add(COLOURS.get(i % COLOURS.size()));
    }
    JsonObjectBuilder data =
        data(
            labels, Json.createObjectBuilder().add("data", counts).add("backgroundColor", colours));
    return chart("doughnut", data, Json.createObjectBuilder());
  }

  /** Chart.js's {@code data}: the labels and the datasets. */
  private static JsonObjectBuilder data(JsonArrayBuilder labels, JsonObjectBuilder... datasets) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (JsonObjectBuilder dataset : datasets) {
      all.add(dataset);
    }
    return Json.createObjectBuilder().add("labels", labels).add("datasets", all);
  }

  private static JsonObjectBuilder axes(String x, String y) {
    return Json.createObjectBuilder()
        .add(
            "scales",
            Json.createObjectBuilder()
                .add("x", Json.createObjectBuilder().add("title", title(x)))
                .add(
                    "y",
                    Json.createObjectBuilder()
                        .add("beginAtZero", true)
                        .add("ticks", Json.createObjectBuilder().add("precision", 0))
                        .add("title", title(y))));
  }

  private static JsonObjectBuilder title(String text) {
    return Json.createObjectBuilder().add("display", true).add("text", text);
  }

  private static String chart(String type, JsonObjectBuilder data, JsonObjectBuilder options) {
    return Json.createObjectBuilder()
        .add("type", type)
        .add("data", data)
        .add("options", options.add("animation", false).add("maintainAspectRatio", false))
        .build()
        .toString();
  }
}

package io.streamgate.platform.console.boundary;

import io.streamgate.common.Spec;
import io.streamgate.platform.admin.boundary.Console;
import io.streamgate.platform.clients.boundary.Clients;
import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.events.control.EmbedOrigins;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.control.EventCodes.StatusCounts;
import io.streamgate.platform.events.control.EventDraft;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.playback.boundary.PlaybackLocations;
import io.streamgate.platform.playback.control.StreamProbe;
import io.streamgate.platform.sessions.control.ViewerSessions;
import io.streamgate.platform.sessions.entity.TokenSharing;
import io.streamgate.platform.sessions.entity.ViewerSession;
import io.streamgate.platform.tickets.control.Attendees;
import io.streamgate.platform.web.boundary.Format;
import io.streamgate.platform.web.boundary.Pages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the event page: the create/edit form (each problem next to its field, a stale edit refused
 * with a message), "Test stream", the code counts and the live viewers with "release".
 */
@Named
@ViewScoped
public class EventPage implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String FORM = "event-form:";

  @Inject EventAdministration events;

  @Inject CodeQueries codes;

  @Inject ViewerSessions sessions;

  @Inject StreamProbe probe;

  @Inject PlaybackLocations locations;

  @Inject Console console;

  @Inject HttpServletRequest request;

  @Inject Clients clients;

  @Inject Attendees attendees;

  private String id;
  private Long version;
  private String title;
  private String description;
  private String streamUrl;
  private String entryPlaylist = Event.DEFAULT_ENTRY_PLAYLIST;
  private String posterUrl;
  private LocalDateTime startsAt;
  private LocalDateTime endsAt;
  private Integer accessWindowHours = Spec.ACCESS_WINDOW_DEFAULT_HOURS;
  private boolean active;
  private boolean archived;
  private boolean listed;
  private String embedOrigins;
  private String streamCheck;

  /** Reads the event named by the {@code id} parameter, or prepares a new one (f:viewAction). */
  public void load() {
    console.identity();
    if (id == null || id.isBlank()) {
      id = null;
      Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      startsAt = Format.utc(start);
      endsAt = Format.utc(start.plus(2, ChronoUnit.HOURS));
      return;
    }
    Event event = Pages.result(() -> events.find(id));
    if (event == null) {
      id = null;
      return;
    }
    fill(event);
  }

  private void fill(Event event) {
    id = event.id();
    version = event.version();
    title = event.title();
    description = event.description();
    streamUrl = event.streamUrl();
    entryPlaylist = event.entryPlaylist();
    posterUrl = event.posterUrl();
    startsAt = Format.utc(event.startsAt());
    endsAt = Format.utc(event.endsAt());
    accessWindowHours = event.accessWindowHours();
    active = event.active();
    archived = event.archived();
    listed = event.listed();
    embedOrigins = String.join("\n", EmbedOrigins.stored(event.embedOrigins()));
  }

  /** Saves the form; problems are shown next to their fields and nothing is saved. */
  public String save() {
    int window = accessWindowHours == null ? 0 : accessWindowHours;
    Map<String, String> problems =
        EventDraft.problems(
            title,
            description,
            streamUrl,
            entryPlaylist,
            posterUrl,
            Format.instant(startsAt),
            Format.instant(endsAt),
            window);
    List<String> sites =
        embedOrigins == null
            ? List.of()
            : embedOrigins.lines().filter(line -> !line.isBlank()).toList();
    EmbedOrigins.problem(sites).ifPresent(problem -> problems.put("embedOrigins", problem));
    if (!problems.isEmpty()) {
      problems.forEach((field, message) -> Pages.fieldError(FORM + field, message));
      return null;
    }
    EventDraft draft =
        new EventDraft(
            title,
            description,
            streamUrl,
            entryPlaylist,
            posterUrl,
            Format.instant(startsAt),
            Format.instant(endsAt),
            window,
            listed,
            sites);
    Event saved =
        Pages.result(
            () ->
                id == null
                    ? events.create(draft, console.actorWhoMayChange(), console.ip())
                    : events.update(id, draft, version, console.actorWhoMayChange(), console.ip()));
    if (saved == null) {
      return null;
    }
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    Pages.info(id == null ? "Event created." : "Event saved.");
    return "/admin/event.xhtml?faces-redirect=true&id=" + saved.id();
  }

  /**
   * The event's saved entry playlist and its first variant through the media server, as the viewer
   * status sees them (with a probe token); for users who may change events. The media server's
   * address comes from configuration, never the request.
   */
  public void testStream() {
    if (!Pages.run(console::actorWhoMayChange)) {
      return;
    }
    Event event = Pages.result(() -> events.find(id));
    if (event == null) {
      return;
    }
    StreamProbe.Outcome outcome =
        probe.probe(locations.probeBaseUrl(request.getLocalPort()), id, event.entryPlaylist());
    if (outcome instanceof StreamProbe.Found found) {
      streamCheck =
          found.advancing(Instant.now())
              ? "The media server has the stream, and it is live: its playlist advances."
              : found.ended()
                  ? "The media server has the stream, a recording (its playlist has an end)."
                  : "The media server has the stream, but its live playlist stopped moving at "
                      + found.movedAt()
                      + ".";
    } else if (outcome instanceof StreamProbe.Missing) {
      streamCheck = "The media server answers, but has no stream for this event yet.";
    } else {
      streamCheck = "The media server cannot be reached.";
    }
  }

  public void release(String sessionId) {
    if (Pages.run(
        () -> sessions.releaseForAdmin(sessionId, console.actorWhoMayChange(), console.ip()))) {
      Pages.info("Session released: the code can be used on another device now.");
    }
  }

  /** A device watching now, and whether its token was seen played elsewhere at once. */
  public record ViewerRow(ViewerSession session, TokenSharing sharing) {}

  public List<ViewerRow> getViewers() {
    if (id == null) {
      return List.of();
    }
    Map<String, TokenSharing> sharing = new HashMap<>();
    getSharing().forEach(seen -> sharing.put(seen.sessionId(), seen));
    return sessions.liveOfEvent(id).stream()
        .map(session -> new ViewerRow(session, sharing.get(session.sessionId())))
        .toList();
  }

  /** Sessions of this event seen played by several clients at once lately, newest first. */
  public List<TokenSharing> getSharing() {
    return id == null ? List.of() : sessions.sharingOfEvent(id, ViewerSessions.SHARING_SHOWN);
  }

  public List<TokenSharing> getEndedForSharing() {
    return getSharing().stream().filter(TokenSharing::ended).toList();
  }

  public StatusCounts getCounts() {
    return codes.counts(id);
  }

  public String masked(String code) {
    return io.streamgate.platform.codes.boundary.CodeView.maskedCode(code);
  }

  public boolean isNew() {
    return id == null;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getStreamUrl() {
    return streamUrl;
  }

  public void setStreamUrl(String streamUrl) {
    this.streamUrl = streamUrl;
  }

  public String getEntryPlaylist() {
    return entryPlaylist;
  }

  public void setEntryPlaylist(String entryPlaylist) {
    this.entryPlaylist = entryPlaylist;
  }

  public String getPosterUrl() {
    return posterUrl;
  }

  public void setPosterUrl(String posterUrl) {
    this.posterUrl = posterUrl;
  }

  public LocalDateTime getStartsAt() {
    return startsAt;
  }

  public void setStartsAt(LocalDateTime startsAt) {
    this.startsAt = startsAt;
  }

  public LocalDateTime getEndsAt() {
    return endsAt;
  }

  public void setEndsAt(LocalDateTime endsAt) {
    this.endsAt = endsAt;
  }

  public Integer getAccessWindowHours() {
    return accessWindowHours;
  }

  public void setAccessWindowHours(Integer accessWindowHours) {
    this.accessWindowHours = accessWindowHours;
  }

  public boolean isActive() {
    return active;
  }

  public boolean isArchived() {
    return archived;
  }

  public String getEmbedOrigins() {
    return embedOrigins;
  }

  public void setEmbedOrigins(String embedOrigins) {
    this.embedOrigins = embedOrigins;
  }

  /**
   * The HTML an organiser pastes into their site to embed the player, at the portal's public
   * address ({@code PORTAL_URL}, else the one this browser used).
   */
  public String getEmbedSnippet() {
    String src = attendees.portalFor(clients.baseUrl(request)) + "/embed/" + id;
    return "<iframe src=\""
        + src
        + "\" width=\"960\" height=\"540\" style=\"border:0;max-width:100%\""
        + " allow=\"autoplay; fullscreen; picture-in-picture\" allowfullscreen"
        + " title=\""
        + attribute(title)
        + "\"></iframe>";
  }

  /** Text as an HTML attribute value between double quotes. */
  private static String attribute(String text) {
    return text.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  public boolean isListed() {
    return listed;
  }

  public void setListed(boolean listed) {
    this.listed = listed;
  }

  public String getStreamCheck() {
    return streamCheck;
  }
}

package io.streamgate.platform.events.entity;

import io.streamgate.common.ids.RandomIds;
import io.streamgate.common.playback.StreamSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A live or recorded event that access codes open. */
@Entity
@Table(name = "event")
@NamedQuery(
    name = Event.VISIBLE,
    query =
        "SELECT e FROM Event e WHERE e.active = true AND e.archived = false AND e.listed = true"
            + " ORDER BY e.startsAt")
@NamedQuery(
    name = Event.WITH_STREAM_URL,
    query = "SELECT e.id, e.streamUrl FROM Event e WHERE e.streamUrl IS NOT NULL")
@NamedQuery(
    name = Event.UPDATED_SINCE,
    query = "SELECT e.id, e.streamUrl FROM Event e WHERE e.updatedAt > :since")
@NamedQuery(name = Event.DEACTIVATED, query = "SELECT e.id FROM Event e WHERE e.active = false")
@NamedQuery(name = Event.EXISTING, query = "SELECT e.id FROM Event e WHERE e.id IN :ids")
@NamedQuery(name = Event.DELETE, query = "DELETE FROM Event e WHERE e.id = :id")
@NamedQuery(
    name = Event.ON_SCHEDULE,
    query =
        "SELECT e.id, e.endsAt, e.announcedPhase FROM Event e WHERE e.active = true"
            + " AND e.startsAt <= :now AND e.endsAt > :endedSince")
@NamedQuery(
    name = Event.ANNOUNCE,
    query =
        "UPDATE Event e SET e.announcedPhase = :phase WHERE e.id = :id"
            + " AND (e.announcedPhase IS NULL OR e.announcedPhase <> :phase)")
public class Event {

  /** Active events under way, or ended since {@code :endedSince}: id, end, phase announced. */
  public static final String ON_SCHEDULE = "Event.onSchedule";

  /** Records a phase announced; one row updated means this caller announces it. */
  public static final String ANNOUNCE = "Event.announce";

  /** Which of the given event ids exist. */
  public static final String EXISTING = "Event.existing";

  /** Active, unarchived, listed events, soonest first: the portal's "Now and upcoming". */
  public static final String VISIBLE = "Event.visible";

  /** Deletes one event; the database deletes its codes and their sessions with it. */
  public static final String DELETE = "Event.delete";

  /** Ids of the deactivated events. */
  public static final String DEACTIVATED = "Event.deactivated";

  /** Id and stream URL of every event that names its own origin. */
  public static final String WITH_STREAM_URL = "Event.withStreamUrl";

  /** Id and stream URL (or null) of every event changed after {@code since}. */
  public static final String UPDATED_SINCE = "Event.updatedSince";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 4000)
  private String description;

  @Column(name = "stream_url", length = 1000)
  private String streamUrl;

  @Column(name = "entry_playlist", nullable = false, length = 128)
  private String entryPlaylist = DEFAULT_ENTRY_PLAYLIST;

  @Column(name = "poster_url", length = 1000)
  private String posterUrl;

  @Column(name = "starts_at", nullable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false)
  private Instant endsAt;

  @Column(name = "access_window_hours", nullable = false)
  private int accessWindowHours;

  @Column(nullable = false)
  private boolean active = true;

  @Column(nullable = false)
  private boolean archived;

  /** Shown on the viewer portal's "Now and upcoming"; otherwise reached by code or link only. */
  @Column(nullable = false)
  private boolean listed;

  /** The sites that may frame the event's player, canonical origins separated by spaces. */
  @Column(name = "embed_origins", length = 4000)
  private String embedOrigins;

  /** The phase of its schedule last announced by webhooks: live, ended, or none yet. */
  @Column(name = "announced_phase", length = 10)
  private String announcedPhase;

  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  /** The entry playlist unless an event names another. */
  public static final String DEFAULT_ENTRY_PLAYLIST = "master.m3u8";

  protected Event() {}

  /** A new active event with a fresh id. */
  public Event(String title, Instant startsAt, Instant endsAt, int accessWindowHours, Instant now) {
    this(RandomIds.uuid(), title, startsAt, endsAt, accessWindowHours, now);
  }

  /** A new active event with a chosen id (the demo event has a stable one). */
  public Event(
      String id,
      String title,
      Instant startsAt,
      Instant endsAt,
      int accessWindowHours,
      Instant now) {
    if (!startsAt.isBefore(endsAt)) {
      throw new IllegalArgumentException("an event must start before it ends");
    }
    this.id = Objects.requireNonNull(id);
    this.title = Objects.requireNonNull(title);
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.accessWindowHours = accessWindowHours;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Until when codes for this event can be redeemed: the end plus the access window. */
  public Instant accessEndsAt() {
    return endsAt.plus(Duration.ofHours(accessWindowHours));
  }

  /** Closes the event to every code; false when it already was inactive. */
  public boolean deactivate(Instant now) {
    if (!active) {
      return false;
    }
    active = false;
    deactivatedAt = now;
    updatedAt = now;
    return true;
  }

  /** Opens a deactivated event again; false when it was active. */
  public boolean reactivate(Instant now) {
    if (active) {
      return false;
    }
    active = true;
    updatedAt = now;
    return true;
  }

  /** Changes what viewers are told and where the stream comes from. */
  public void present(
      String description, String streamUrl, String entryPlaylist, String posterUrl, Instant now) {
    this.description = description;
    this.streamUrl = streamUrl;
    this.entryPlaylist = Objects.requireNonNull(entryPlaylist);
    this.posterUrl = posterUrl;
    this.updatedAt = now;
  }

  /** Changes the title and the schedule; the codes' expiry follows {@link #accessEndsAt()}. */
  public void reschedule(
      String title, Instant startsAt, Instant endsAt, int accessWindowHours, Instant now) {
    if (!startsAt.isBefore(endsAt)) {
      throw new IllegalArgumentException("an event must start before it ends");
    }
    this.title = Objects.requireNonNull(title);
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.accessWindowHours = accessWindowHours;
    this.updatedAt = now;
  }

  /** Hides the event from lists (or shows it again); its codes keep working either way. */
  public void archive(boolean archived, Instant now) {
    if (this.archived != archived) {
      this.archived = archived;
      this.updatedAt = now;
    }
  }

  /**
   * Shows the event on the viewer portal's list, or takes it off; links and codes work either way.
   */
  public void list(boolean listed, Instant now) {
    if (this.listed != listed) {
      this.listed = listed;
      this.updatedAt = now;
    }
  }

  /** The sites that may frame the event's player (canonical origins, see EmbedOrigins). */
  public void allowEmbedding(String origins, Instant now) {
    if (!Objects.equals(this.embedOrigins, origins)) {
      this.embedOrigins = origins;
      this.updatedAt = now;
    }
  }

  public void describe(String description, Instant now) {
    this.description = description;
    this.updatedAt = now;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public String streamUrl() {
    return streamUrl;
  }

  /** The folder of the event's own origin, as its stream URL names it; empty when it names none. */
  public Optional<String> sourceFolder() {
    return StreamSource.folderOf(streamUrl);
  }

  /** The playlist a player opens first, a plain file name in the event's stream folder. */
  public String entryPlaylist() {
    return entryPlaylist;
  }

  public String posterUrl() {
    return posterUrl;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public int accessWindowHours() {
    return accessWindowHours;
  }

  public boolean active() {
    return active;
  }

  public boolean archived() {
    return archived;
  }

  public boolean listed() {
    return listed;
  }

  /** The sites that may frame the event's player, separated by spaces; null: none. */
  public String embedOrigins() {
    return embedOrigins;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The optimistic-locking version: an edit based on an older one is refused. */
  public long version() {
    return version;
  }
}

package io.streamgate.platform.events.boundary;

import static io.streamgate.platform.web.boundary.ApiJson.text;

import io.streamgate.platform.events.control.EmbedOrigins;
import io.streamgate.platform.events.control.EventCodes.StatusCounts;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.web.boundary.ApiJson.Pagination;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An event as the admin API shows it: the specification's event, in a list with its code count, on
 * its own with its codes counted by status too. Times are {@link
 * io.streamgate.platform.web.boundary.ApiJson#text} strings, to the millisecond; a missing value is
 * written as null, and the counts are left out where they do not belong.
 */
@JsonbPropertyOrder({
  "id",
  "title",
  "description",
  "streamUrl",
  "entryPlaylist",
  "posterUrl",
  "startsAt",
  "endsAt",
  "accessWindowHours",
  "isActive",
  "isArchived",
  "listed",
  "embedOrigins",
  "createdAt",
  "updatedAt",
  "version",
  "tokenCount",
  "tokenBreakdown"
})
public record EventView(
    @JsonbNillable String id,
    @JsonbNillable String title,
    @JsonbNillable String description,
    @JsonbNillable String streamUrl,
    @JsonbNillable String entryPlaylist,
    @JsonbNillable String posterUrl,
    @JsonbNillable String startsAt,
    @JsonbNillable String endsAt,
    int accessWindowHours,
    boolean isActive,
    boolean isArchived,
    boolean listed,
    List<String> embedOrigins,
    @JsonbNillable String createdAt,
    @JsonbNillable String updatedAt,
    long version,
    Long tokenCount,
    CodeBreakdown tokenBreakdown) {

  /** An event in a list, with its code count. */
  public static EventView inList(Event event, long tokenCount) {
    return of(event, tokenCount, null);
  }

  /** An event on its own, with its codes counted by status. */
  public static EventView detail(Event event, StatusCounts counts) {
    return of(event, counts.total(), CodeBreakdown.of(counts));
  }

  private static EventView of(Event event, long tokenCount, CodeBreakdown breakdown) {
    return new EventView(
        event.id(),
        event.title(),
        event.description(),
        event.streamUrl(),
        event.entryPlaylist(),
        event.posterUrl(),
        text(event.startsAt()),
        text(event.endsAt()),
        event.accessWindowHours(),
        event.active(),
        event.archived(),
        event.listed(),
        EmbedOrigins.stored(event.embedOrigins()),
        text(event.createdAt()),
        text(event.updatedAt()),
        event.version(),
        tokenCount,
        breakdown);
  }

  /** An event's codes by status. */
  @JsonbPropertyOrder({"unused", "redeemed", "expired", "revoked"})
  public record CodeBreakdown(long unused, long redeemed, long expired, long revoked) {

    public static CodeBreakdown of(StatusCounts counts) {
      return new CodeBreakdown(
          counts.unused(), counts.redeemed(), counts.expired(), counts.revoked());
    }
  }

  /** {@code {data: event}}. */
  public record EventData(EventView data) {}

  /** {@code {data: [events], pagination}}. */
  @JsonbPropertyOrder({"data", "pagination"})
  public record EventsPage(List<EventView> data, Pagination pagination) {}
}

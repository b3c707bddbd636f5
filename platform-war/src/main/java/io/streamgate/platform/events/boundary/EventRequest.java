package io.streamgate.platform.events.boundary;

import io.streamgate.common.Spec;
import io.streamgate.platform.events.control.EventDraft;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An event as the admin API takes it, to create (where {@code version} is accepted and ignored) or
 * to replace. The fields are read in this order, each checked for its type first; the event's rules
 * (a title, a start before the end, http(s) URLs, a window of 1-168 hours) are then {@link
 * EventDraft}'s, which the console applies too.
 */
public record EventRequest(
    @Schema(
            description =
                "On replace: the version the change was made on; refused (409) when someone else"
                    + " saved the event since")
        Long version,
    @Schema(required = true, maxLength = 200) String title,
    @Schema(maxLength = 4000) String description,
    @Schema(description = "An http(s) URL") String streamUrl,
    @Schema(
            description =
                "The playlist a player opens first, a file name in the event's stream folder",
            defaultValue = "master.m3u8",
            example = "stream.m3u8")
        String entryPlaylist,
    @Schema(description = "An http(s) URL") String posterUrl,
    @Schema(required = true, example = "2026-12-01T19:00:00Z")
        @NotNull(message = "Missing field: startsAt.")
        Instant startsAt,
    @Schema(required = true, example = "2026-12-01T21:00:00Z")
        @NotNull(message = "Missing field: endsAt.")
        Instant endsAt,
    @Schema(minimum = "1", maximum = "168", defaultValue = "48") Integer accessWindowHours,
    @Schema(
            description =
                "Whether the viewer portal lists the event under \"Now and upcoming\"; an unlisted"
                    + " event is reached with a code or a direct link. Default on create: false;"
                    + " on replace, left out keeps it as it is")
        Boolean listed,
    @Schema(
            description =
                "The sites that may frame the event's player at /embed/{id}: origins such as"
                    + " https://www.example.org, at most 20 (their page's CSP frame-ancestors)."
                    + " Default on create: none; on replace, left out keeps them as they are")
        List<String> embedOrigins) {

  /** The event these fields describe; refused (400) with the first rule they break. */
  public EventDraft draft() {
    return new EventDraft(
        title,
        description,
        streamUrl,
        entryPlaylist,
        posterUrl,
        startsAt,
        endsAt,
        accessWindowHours == null ? Spec.ACCESS_WINDOW_DEFAULT_HOURS : accessWindowHours,
        listed,
        embedOrigins);
  }
}

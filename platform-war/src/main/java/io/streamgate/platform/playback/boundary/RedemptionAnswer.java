package io.streamgate.platform.playback.boundary;

import io.streamgate.common.playback.StreamPaths;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.playback.control.Redemptions;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;

/** The specification's answer to a good code. */
public record RedemptionAnswer(
    PublicEventInfo event,
    String playbackToken,
    String playbackBaseUrl,
    String streamPath,
    Instant expiresAt,
    long tokenExpiresIn) {

  /** What a viewer may know about the event. */
  @JsonbNillable
  public record PublicEventInfo(
      String title,
      String description,
      Instant startsAt,
      Instant endsAt,
      String posterUrl,
      boolean isLive) {

    static PublicEventInfo of(Event event, Instant now) {
      boolean live = !now.isBefore(event.startsAt()) && now.isBefore(event.endsAt());
      return new PublicEventInfo(
          event.title(),
          event.description(),
          event.startsAt(),
          event.endsAt(),
          event.posterUrl(),
          live);
    }
  }

  static RedemptionAnswer of(Redemptions.Grant grant, String baseUrl) {
    Event event = grant.event();
    return new RedemptionAnswer(
        PublicEventInfo.of(event, grant.token().issuedAt()),
        grant.token().token(),
        baseUrl,
        StreamPaths.prefix(event.id()) + event.entryPlaylist(),
        grant.accessEndsAt(),
        grant.token().expiresInSeconds());
  }
}

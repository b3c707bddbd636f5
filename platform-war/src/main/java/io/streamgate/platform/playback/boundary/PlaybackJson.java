package io.streamgate.platform.playback.boundary;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the viewer's playback API takes and answers, besides {@link RedemptionAnswer}. */
public final class PlaybackJson {

  private PlaybackJson() {}

  /**
   * {@code {code, eventId?}}: a viewer's access code, and the event the asking page plays when it
   * plays one only (an embed page).
   */
  public record CodeRequest(
      @Schema(required = true, example = "ABCD-EFGH-JKLM")
          @NotNull(message = "Missing field: code.")
          String code,
      @Schema(
              description =
                  "The one event the asking page plays (an embed page): a code of another event is"
                      + " refused (403, code-other-event) and stays unused")
          String eventId) {}

  /** {@code {token}}: a playback token sent in the body, where a beacon cannot set headers. */
  public record TokenRequest(
      @Schema(required = true) @NotNull(message = "Missing field: token.") String token) {}

  /** {@code {ok: true}}. */
  public record Ok(boolean ok) {}

  /** {@code {released: true}}. */
  public record Released(boolean released) {}

  /** A fresh playback token for the same session. */
  @JsonbPropertyOrder({"playbackToken", "tokenExpiresIn"})
  public record Refreshed(String playbackToken, long tokenExpiresIn) {}
}

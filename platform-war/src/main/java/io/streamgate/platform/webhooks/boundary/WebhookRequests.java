package io.streamgate.platform.webhooks.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the webhook endpoints take. */
public final class WebhookRequests {

  private WebhookRequests() {}

  /**
   * {@code {url, events, description?, includeCodes?, active?}}: a new endpoint, or (in a PUT) the
   * fields to change, the others kept.
   */
  public record Endpoint(
      @Schema(required = true, maxLength = 2000, description = "http:// or https://") String url,
      @Schema(
              required = true,
              description =
                  "code.redeemed, code.revoked, code.restored, codes.generated, session.started,"
                      + " session.ended, event.live, event.ended, event.deactivated")
          List<String> events,
      @Schema(maxLength = 200) String description,
      @Schema(description = "whether payloads carry raw access codes", defaultValue = "false")
          Boolean includeCodes,
      @Schema(defaultValue = "true") Boolean active) {}
}

package io.streamgate.platform.codes.control;

import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.webhooks.control.WebhookOutbox;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * What webhooks say about a code: {@code {eventId, codeId, label?, at}} and what the type adds; the
 * raw code only for endpoints that asked for codes. Written in the caller's transaction.
 */
@ApplicationScoped
public class CodeWebhooks {

  @Inject WebhookOutbox outbox;

  public boolean wanted(WebhookType type) {
    return outbox.wanted(type);
  }

  /** Reports {@code type} about {@code code}, with {@code more} added to its data. */
  public void publish(WebhookType type, AccessCode code, Instant at, JsonObjectBuilder more) {
    if (!outbox.wanted(type)) {
      return;
    }
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("eventId", code.event().id())
            .add("codeId", code.id())
            .add("at", at.toString());
    if (code.label() != null) {
      data.add("label", code.label());
    }
    data.addAll(more);
    outbox.publish(type, data.build(), code.code());
  }

  /** Reports {@code type} about {@code code}. */
  public void publish(WebhookType type, AccessCode code, Instant at) {
    publish(type, code, at, Json.createObjectBuilder());
  }

  /** Reports a batch of new codes of an event: its size and label, never the codes. */
  public void generated(String eventId, int count, String label, Instant at) {
    if (!outbox.wanted(WebhookType.CODES_GENERATED)) {
      return;
    }
    JsonObjectBuilder data =
        Json.createObjectBuilder()
            .add("eventId", eventId)
            .add("count", count)
            .add("at", at.toString());
    if (label != null) {
      data.add("label", label);
    }
    outbox.publish(WebhookType.CODES_GENERATED, data.build(), null);
  }
}

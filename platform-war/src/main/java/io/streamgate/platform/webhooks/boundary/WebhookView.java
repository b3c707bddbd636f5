package io.streamgate.platform.webhooks.boundary;

import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import io.streamgate.platform.webhooks.entity.WebhookType;
import java.time.Instant;
import java.util.List;

/** Webhook endpoints and deliveries as the admin API shows them; the secret only when new. */
public record WebhookView(
    String id,
    String url,
    String description,
    List<String> events,
    boolean includeCodes,
    boolean active,
    Instant createdAt,
    String createdBy,
    String secret) {

  public static WebhookView of(WebhookEndpoint endpoint, String newSecret) {
    return new WebhookView(
        endpoint.id(),
        endpoint.url(),
        endpoint.description(),
        endpoint.types().stream().map(WebhookType::wire).toList(),
        endpoint.includeCodes(),
        endpoint.active(),
        endpoint.createdAt(),
        endpoint.createdBy(),
        newSecret);
  }

  /** One delivery: where it stands and how its last attempt went. */
  public record Delivery(
      String id,
      String messageId,
      String type,
      String status,
      int attempts,
      Instant createdAt,
      Instant lastAttemptAt,
      Integer lastStatusCode,
      Integer lastLatencyMs,
      String lastAnswer,
      Instant nextAttemptAt,
      Instant deliveredAt,
      String body) {

    public static Delivery of(WebhookDelivery delivery) {
      boolean pending = delivery.status() == WebhookDelivery.Status.PENDING;
      return new Delivery(
          delivery.id(),
          delivery.messageId(),
          delivery.eventType(),
          delivery.status().name().toLowerCase(java.util.Locale.ROOT),
          delivery.attempts(),
          delivery.createdAt(),
          delivery.lastAttemptAt(),
          delivery.lastStatusCode(),
          delivery.lastLatencyMs(),
          delivery.lastAnswer(),
          pending ? delivery.nextAttemptAt() : null,
          delivery.deliveredAt(),
          delivery.body());
    }
  }

  public record EndpointData(WebhookView data) {}

  public record EndpointsData(List<WebhookView> data) {}

  public record DeliveryData(Delivery data) {}

  public record DeliveriesData(List<Delivery> data) {}
}

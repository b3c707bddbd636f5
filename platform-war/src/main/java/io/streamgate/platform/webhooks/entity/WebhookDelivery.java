package io.streamgate.platform.webhooks.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * One message for one endpoint, from the outbox row written with the change it reports until it was
 * answered 2xx or its retries ran out. Its message id ({@code webhook-id}) never changes, so a
 * receiver can drop a repeat.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
    name = WebhookDelivery.DUE,
    query =
        "SELECT d.id, d.endpointId FROM WebhookDelivery d, WebhookEndpoint e WHERE e.id = d.endpointId"
            + " AND e.active = TRUE AND d.status = :pending AND d.nextAttemptAt <= :now"
            + " AND d.endpointId NOT IN :busy"
            + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextAttemptAt")
@NamedQuery(
    name = WebhookDelivery.CLAIM,
    query =
        "UPDATE WebhookDelivery d SET d.leaseUntil = :until WHERE d.id = :id"
            + " AND d.status = :pending AND d.nextAttemptAt <= :now"
            + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
@NamedQuery(
    name = WebhookDelivery.DELETE_OF_ENDPOINT,
    query = "DELETE FROM WebhookDelivery d WHERE d.endpointId = :endpoint")
@NamedQuery(
    name = WebhookDelivery.OF_ENDPOINT,
    query =
        "SELECT d FROM WebhookDelivery d WHERE d.endpointId = :endpoint"
            + " ORDER BY d.createdAt DESC, d.id")
public class WebhookDelivery {

  public static final String DUE = "WebhookDelivery.due";
  public static final String CLAIM = "WebhookDelivery.claim";
  public static final String OF_ENDPOINT = "WebhookDelivery.ofEndpoint";
  public static final String DELETE_OF_ENDPOINT = "WebhookDelivery.deleteOfEndpoint";

  /** Where a delivery stands. */
  public enum Status {
    PENDING,
    DELIVERED,
    FAILED
  }

  /** At most this much of a receiver's answer is kept. */
  public static final int ANSWER_KEPT = 2048;

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "endpoint_id", nullable = false, length = 36)
  private String endpointId;

  @Column(name = "message_id", nullable = false, length = 40)
  private String messageId;

  @Column(name = "event_type", nullable = false, length = 40)
  private String eventType;

  @Column(nullable = false, length = 8000)
  private String body;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "retry_until", nullable = false)
  private Instant retryUntil;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "last_attempt_at")
  private Instant lastAttemptAt;

  @Column(name = "last_status_code")
  private Integer lastStatusCode;

  @Column(name = "last_latency_ms")
  private Integer lastLatencyMs;

  @Column(name = "last_answer", length = ANSWER_KEPT)
  private String lastAnswer;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookDelivery() {}

  public WebhookDelivery(
      WebhookEndpoint endpoint,
      String messageId,
      WebhookType type,
      String body,
      Instant now,
      Duration retryFor) {
    this.id = RandomIds.uuid();
    this.endpointId = endpoint.id();
    this.messageId = messageId;
    this.eventType = type.wire();
    this.body = body;
    this.createdAt = now;
    this.status = Status.PENDING;
    this.nextAttemptAt = now;
    this.retryUntil = now.plus(retryFor);
  }

  /** The receiver answered 2xx. */
  public void delivered(Instant at, int statusCode, int latencyMs, String answer) {
    attempted(at, statusCode, latencyMs, answer);
    status = Status.DELIVERED;
    deliveredAt = at;
  }

  /**
   * The receiver answered something else, or nothing ({@code statusCode} null): tried again at
   * {@code next}, or given up when that lies past the retry window.
   */
  public void failed(Instant at, Integer statusCode, int latencyMs, String answer, Instant next) {
    attempted(at, statusCode, latencyMs, answer);
    if (next.isAfter(retryUntil)) {
      status = Status.FAILED;
    } else {
      nextAttemptAt = next;
    }
  }

  /** Sent again from now on, with a new retry window, whatever became of it. */
  public void redeliver(Instant now, Duration retryFor) {
    status = Status.PENDING;
    nextAttemptAt = now;
    retryUntil = now.plus(retryFor);
    leaseUntil = null;
  }

  private void attempted(Instant at, Integer statusCode, int latencyMs, String answer) {
    attempts++;
    lastAttemptAt = at;
    lastStatusCode = statusCode;
    lastLatencyMs = latencyMs;
    lastAnswer =
        answer == null || answer.length() <= ANSWER_KEPT
            ? answer
            : answer.substring(0, ANSWER_KEPT);
    leaseUntil = null;
  }

  public String id() {
    return id;
  }

  public String endpointId() {
    return endpointId;
  }

  public String messageId() {
    return messageId;
  }

  public String eventType() {
    return eventType;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Status status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  public Integer lastStatusCode() {
    return lastStatusCode;
  }

  public Integer lastLatencyMs() {
    return lastLatencyMs;
  }

  public String lastAnswer() {
    return lastAnswer;
  }

  public Instant deliveredAt() {
    return deliveredAt;
  }
}

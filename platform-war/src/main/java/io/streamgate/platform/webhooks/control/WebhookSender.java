package io.streamgate.platform.webhooks.control;

import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries: every platform member looks once a second, claims what is due (at most
 * {@link #IN_FLIGHT} at a time) and posts each signed, on the managed executor's threads, never a
 * request's. An attempt that gets no answer within {@link #TIMEOUT} counts as failed. Redirects are
 * not followed, and at most {@code ANSWER_KEPT} bytes of an answer are read.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSender {

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  /** Attempts under way on one member at most. */
  static final int IN_FLIGHT = 16;

  /**
   * Attempts under way to one endpoint on one member at most: a slow one keeps the others going.
   */
  static final int PER_ENDPOINT = 4;

  /** How long a receiver has to answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(15);

  @Resource ManagedExecutorService executor;

  @Inject WebhookAttempts attempts;

  @Inject Clock clock;

  private final Semaphore free = new Semaphore(IN_FLIGHT);
  private final AtomicBoolean looking = new AtomicBoolean();
  private final Map<String, AtomicInteger> underWay = new ConcurrentHashMap<>();
  private HttpClient http;

  @PostConstruct
  void start() {
    http =
        HttpClient.newBuilder()
            .executor(executor)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @PreDestroy
  void stop() {
    http = null;
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  void look() {
    if (!looking.compareAndSet(false, true)) {
      return;
    }
    try {
      int permits = free.drainPermits();
      if (permits == 0) {
        return;
      }
      var claimed =
          attempts.claimDue(
              permits,
              endpoint -> underWay(endpoint).get() < PER_ENDPOINT,
              endpoint -> underWay(endpoint).incrementAndGet());
      free.release(permits - claimed.size());
      claimed.forEach(this::send);
    } catch (RuntimeException e) {
      // The database away: the next look tries again.
      LOG.log(Level.FINE, "webhook deliveries not claimed", e);
    } finally {
      looking.set(false);
    }
  }

  private void send(WebhookAttempts.Attempt attempt) {
    long timestamp = clock.instant().getEpochSecond();
    long started = System.nanoTime();
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(attempt.url()))
              .timeout(TIMEOUT)
              .header("Content-Type", "application/json")
              .header("User-Agent", "StreamGate-Webhooks")
              .header("webhook-id", attempt.messageId())
              .header("webhook-timestamp", Long.toString(timestamp))
              .header(
                  "webhook-signature",
                  WebhookSignatures.sign(
                      attempt.messageId(), timestamp, attempt.body(), attempt.secrets()))
              .POST(HttpRequest.BodyPublishers.ofString(attempt.body(), StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException e) {
      finish(attempt, null, started, "Not a URL that can be posted to: " + e.getMessage());
      return;
    }
    http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .orTimeout(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (response, failure) -> {
              if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                finish(attempt, null, started, describe(cause));
              } else {
                finish(attempt, response.statusCode(), started, answer(response.body()));
              }
            },
            executor);
  }

  private void finish(
      WebhookAttempts.Attempt attempt, Integer status, long started, String answer) {
    int latency = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    try {
      attempts.record(attempt.deliveryId(), status, latency, answer);
    } catch (RuntimeException e) {
      // Not recorded: the lease runs out and the delivery is tried again (at least once).
      LOG.log(Level.WARNING, "webhook attempt not recorded: {0}", e.toString());
    } finally {
      underWay(attempt.endpointId()).decrementAndGet();
      free.release();
    }
  }

  private AtomicInteger underWay(String endpointId) {
    return underWay.computeIfAbsent(endpointId, id -> new AtomicInteger());
  }

  /** At most the first {@code ANSWER_KEPT} bytes of the answer; the rest is never read. */
  private static String answer(InputStream body) {
    try (body) {
      byte[] head = body.readNBytes(WebhookDelivery.ANSWER_KEPT);
      return new String(head, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return describe(e);
    }
  }

  private static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

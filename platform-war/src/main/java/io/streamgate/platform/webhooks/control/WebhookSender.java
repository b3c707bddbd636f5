package io.streamgate.platform.webhooks.control;

import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends due deliveries: every platform member looks once a second, claims what is due (at most
 * {@link #IN_FLIGHT} at a time, {@link #PER_ENDPOINT} of one endpoint) and posts each signed, from
 * the HTTP client's asynchronous machinery on the managed executor, never a request's thread and
 * never a thread waiting on a receiver. An attempt not fully answered within {@link #TIMEOUT}
 * counts as failed. Redirects are not followed, and at most {@code ANSWER_KEPT} bytes of an answer
 * are read.
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
  private volatile Instant warnedAt = Instant.EPOCH;
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
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void look() {
    if (!looking.compareAndSet(false, true)) {
      return;
    }
    int permits = free.drainPermits();
    int handed = 0;
    try {
      if (permits == 0) {
        return;
      }
      Map<String, Integer> counts = new HashMap<>();
      underWay.forEach((endpoint, count) -> counts.put(endpoint, count.get()));
      for (WebhookAttempts.Attempt attempt : attempts.claimDue(permits, counts, PER_ENDPOINT)) {
        underWay(attempt.endpointId()).incrementAndGet();
        handed++;
        send(attempt);
      }
    } catch (RuntimeException e) {
      // The database away, most likely: the next look tries again; said at most once a minute.
      Instant now = clock.instant();
      if (now.isAfter(warnedAt.plus(Duration.ofMinutes(1)))) {
        warnedAt = now;
        LOG.log(Level.WARNING, "webhook deliveries not claimed: {0}", e.toString());
      }
    } finally {
      // Permits not handed to an attempt go back; each attempt gives its own back when it ends.
      free.release(permits - handed);
      looking.set(false);
    }
  }

  /** Starts the attempt; whatever happens, it ends in {@link #finish}. */
  private void send(WebhookAttempts.Attempt attempt) {
    try {
      post(attempt);
    } catch (RuntimeException e) {
      finish(attempt, null, System.nanoTime(), describe(e));
    }
  }

  private void post(WebhookAttempts.Attempt attempt) {
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
    // The whole attempt, answer included, gets TIMEOUT: a receiver that sends its headers and
    // then stalls cannot hold a slot.
    var sending = http.sendAsync(request, info -> new AnswerHead(WebhookDelivery.ANSWER_KEPT));
    sending
        .copy()
        .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .whenCompleteAsync(
            (response, failure) -> {
              if (failure != null) {
                sending.cancel(true); // closes a connection still waiting on the receiver
                Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                finish(attempt, null, started, describe(cause));
              } else {
                finish(attempt, response.statusCode(), started, response.body());
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

  private static String describe(Throwable failure) {
    if (failure instanceof java.util.concurrent.TimeoutException) {
      return "No complete answer within " + TIMEOUT.toSeconds() + " s";
    }
    String message = failure.getMessage();
    return AnswerHead.printable(
        failure.getClass().getSimpleName() + (message == null ? "" : ": " + message));
  }
}

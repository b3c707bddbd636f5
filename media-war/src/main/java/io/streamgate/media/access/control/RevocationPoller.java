package io.streamgate.media.access.control;

import io.streamgate.common.internal.InternalApiKeys;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps {@link RevocationView} current on a media server outside the platform's data grid: asks
 * {@code GET /api/revocations?since=} every {@code REVOCATION_POLL_INTERVAL_MS} and applies the
 * revocations, restorations, deactivations and reactivations. The first poll asks for everything.
 * While the platform cannot be reached the last view stays in force; after {@link #ALERT_AFTER} of
 * failed polls an alert is logged (and again every {@link #ALERT_AFTER} while it lasts).
 */
@ApplicationScoped
public class RevocationPoller {

  private static final Logger LOG = Logger.getLogger(RevocationPoller.class.getName());

  static final Duration ALERT_AFTER = Duration.ofMinutes(5);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject RevocationView view;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "REVOCATION_POLL_INTERVAL_MS", defaultValue = "30000")
  long intervalMillis;

  @Resource ManagedScheduledExecutorService scheduler;

  private HttpClient client;
  private String feed;
  private String apiKey;
  private String since = Instant.EPOCH.toString();
  private Instant failingSince;
  private Instant alertedAt;
  private ScheduledFuture<?> polls;

  /** Starts polling; called once at start-up in poll mode. Bad settings stop the deployment. */
  public void start(String platformUrl, String internalApiKey) {
    if (platformUrl == null || platformUrl.isBlank()) {
      throw new IllegalStateException(
          "PLATFORM_APP_URL must be set: this media server polls the platform for revocations");
    }
    if (internalApiKey == null || internalApiKey.length() < InternalApiKeys.MIN_LENGTH) {
      throw new IllegalStateException(
          "INTERNAL_API_KEY must be set to the platform's key (at least "
              + InternalApiKeys.MIN_LENGTH
              + " characters): this media server polls the platform for revocations");
    }
    if (intervalMillis < 100) {
      throw new IllegalStateException(
          "REVOCATION_POLL_INTERVAL_MS must be at least 100 (got " + intervalMillis + ")");
    }
    feed = platformUrl.replaceAll("/+$", "") + "/api/revocations?since=";
    apiKey = internalApiKey;
    client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    failingSince = clock.instant();
    polls = scheduler.scheduleWithFixedDelay(this::poll, 0, intervalMillis, TimeUnit.MILLISECONDS);
    LOG.log(
        Level.INFO,
        "Polling {0} for revocations every {1} ms",
        new Object[] {platformUrl, intervalMillis});
  }

  @PreDestroy
  void stop() {
    if (polls != null) {
      polls.cancel(false);
    }
  }

  /** One poll; never throws, so the schedule keeps running. */
  void poll() {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(feed + URLEncoder.encode(since, StandardCharsets.UTF_8)))
                  .header(InternalApiKeys.HEADER, apiKey)
                  .timeout(TIMEOUT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        failed("the platform answered " + response.statusCode());
        return;
      }
      since = apply(response.body());
      view.synced(clock.instant());
      if (alertedAt != null) {
        LOG.info("Revocation sync works again");
      }
      failingSince = null;
      alertedAt = null;
    } catch (IOException
        | JsonException
        | ClassCastException
        | NullPointerException
        | DateTimeParseException e) {
      failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Revocation poll failed", e);
      failed(e.toString());
    }
  }

  /**
   * Applies one answer of the feed; returns its {@code serverTime}, the next poll's since. The
   * whole answer is read before anything is applied, so a malformed one changes nothing.
   */
  String apply(String body) {
    JsonObject answer;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      answer = reader.readObject();
    }
    String serverTime = answer.getString("serverTime");
    Instant.parse(serverTime);
    List<String> revoked = ids(answer, "revocations", "code");
    List<String> restored = ids(answer, "restorations", "code");
    List<String> deactivated = ids(answer, "eventDeactivations", "eventId");
    List<String> reactivated = ids(answer, "eventReactivations", "eventId");
    revoked.forEach(view::revokeCode);
    restored.forEach(view::restoreCode);
    deactivated.forEach(view::deactivateEvent);
    reactivated.forEach(view::reactivateEvent);
    return serverTime;
  }

  private static List<String> ids(JsonObject answer, String list, String field) {
    JsonArray items = answer.getJsonArray(list);
    if (items == null) {
      throw new JsonException("The revocation feed has no '" + list + "'");
    }
    return items.stream().map(item -> item.asJsonObject().getString(field)).toList();
  }

  private void failed(String why) {
    Instant now = clock.instant();
    if (failingSince == null) {
      failingSince = now;
    }
    LOG.log(Level.FINE, "Revocation poll failed: {0}", why);
    Duration failing = Duration.between(failingSince, now);
    if (failing.compareTo(ALERT_AFTER) >= 0
        && (alertedAt == null || !now.isBefore(alertedAt.plus(ALERT_AFTER)))) {
      alertedAt = now;
      LOG.log(
          Level.SEVERE,
          "ALERT: revocation sync has failed for {0} s (last: {1}); serving with the view of {2}",
          new Object[] {
            failing.toSeconds(), why, view.syncedAt().map(Instant::toString).orElse("never")
          });
    }
  }
}

package io.streamgate.media.access.control;

import io.streamgate.common.Spec;
import io.streamgate.common.internal.InternalApiKeys;
import io.streamgate.media.settings.entity.MediaSettings;
import io.streamgate.media.upstream.control.EventSources;
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
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@link RevocationView} current on a media server outside the platform's data grid: asks
 * {@code GET /api/revocations?since=} every {@code REVOCATION_POLL_INTERVAL_MS} and applies the
 * revocations, restorations, deactivations, reactivations and ended sessions (codes by their opaque
 * id), and the origins of events changed since ({@link EventSources}). A revoked code, a
 * deactivated event and an ended session are refused until no token minted before can be valid
 * ({@link Spec#TOKEN_REACH} after the change; the platform mints none after it), then forgotten, so
 * the view does not grow for the server's life. The first poll asks for everything. While the
 * platform cannot be reached the last view stays in force; a failed poll {@link #ALERT_AFTER} or
 * more after the last successful one (or the start) logs an alert, and again every {@link
 * #ALERT_AFTER} while it lasts.
 */
@ApplicationScoped
public class RevocationPoller {

  private static final Logger LOG = Logger.getLogger(RevocationPoller.class.getName());

  static final Duration ALERT_AFTER = Duration.ofMinutes(5);
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Inject RevocationView view;

  @Inject EventSources sources;

  @Inject Clock clock;

  long intervalMillis;

  @Inject
  void configure(MediaSettings settings) {
    intervalMillis = settings.revocationPollIntervalMs();
  }

  @Resource ManagedScheduledExecutorService scheduler;

  private HttpClient client;
  private String feed;
  private String apiKey;
  String since = Instant.EPOCH.toString();

  /** The start, then each successful poll: how old the view may be. */
  private Instant current;

  private Instant alertedAt;
  private ScheduledFuture<?> polls;

  /** When each entry of the view was made; only the polling thread touches these. */
  private final Map<String, Instant> codesRevokedAt = new HashMap<>();

  private final Map<String, Instant> eventsDeactivatedAt = new HashMap<>();
  private final Map<String, Instant> sessionsEndedAt = new HashMap<>();

  /** Starts polling; called once at start-up in poll mode. Bad settings stop the deployment. */
  public void start(String platformUrl, String internalApiKey) {
    if (platformUrl == null || platformUrl.isBlank()) {
      throw new IllegalStateException(
          "PLATFORM_APP_URL must be set: this media server polls the platform for revocations");
    }
    InternalApiKeys.problem(internalApiKey)
        .ifPresent(
            problem -> {
              throw new IllegalStateException(
                  problem
                      + ": this media server polls the platform for revocations with the"
                      + " platform's key");
            });
    feed = platformUrl.replaceAll("/+$", "") + "/api/revocations?since=";
    apiKey = internalApiKey;
    client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    current = clock.instant();
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
      current = clock.instant();
      view.synced(current);
      if (alertedAt != null) {
        LOG.info("Revocation sync works again");
      }
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
    Map<String, Instant> revoked = changes(answer, "revocations", "codeId", "revokedAt");
    List<String> restored = ids(answer, "restorations", "codeId");
    Map<String, Instant> deactivated =
        changes(answer, "eventDeactivations", "eventId", "deactivatedAt");
    List<String> reactivated = ids(answer, "eventReactivations", "eventId");
    Map<String, Instant> ended = changes(answer, "endedSessions", "sessionId", "endedAt");
    // Events changed since, with their origin folder or null; a platform too old to send them
    // sends none.
    Map<String, String> origins = new HashMap<>();
    JsonArray changedEvents = answer.getJsonArray("eventSources");
    for (JsonValue item : changedEvents == null ? JsonValue.EMPTY_JSON_ARRAY : changedEvents) {
      JsonObject event = item.asJsonObject();
      origins.put(
          event.getString("eventId"),
          event.get("source") instanceof JsonString folder ? folder.getString() : null);
    }
    remember(revoked, codesRevokedAt, view::revokeCode);
    restored.forEach(codesRevokedAt::remove);
    restored.forEach(view::restoreCode);
    remember(deactivated, eventsDeactivatedAt, view::deactivateEvent);
    reactivated.forEach(eventsDeactivatedAt::remove);
    reactivated.forEach(view::reactivateEvent);
    if (Instant.EPOCH.toString().equals(since)) {
      sources.replaceWith(origins); // everything: a full read, as at start-up
    } else {
      origins.forEach(sources::set);
    }
    remember(ended, sessionsEndedAt, view::endSession);
    Instant before = clock.instant().minus(Spec.TOKEN_REACH);
    forgetOlder(codesRevokedAt, before, view::restoreCode);
    forgetOlder(eventsDeactivatedAt, before, view::reactivateEvent);
    forgetOlder(sessionsEndedAt, before, view::forgetSession);
    return serverTime;
  }

  /** Enters each change into the view and notes when it was made (the later of two). */
  private static void remember(
      Map<String, Instant> changes, Map<String, Instant> madeAt, Consumer<String> enter) {
    changes.forEach(
        (id, at) -> {
          enter.accept(id);
          madeAt.merge(id, at, (a, b) -> a.isAfter(b) ? a : b);
        });
  }

  /** Takes out of the view the entries made before {@code before}: no token of theirs is valid. */
  private static void forgetOlder(
      Map<String, Instant> madeAt, Instant before, Consumer<String> forget) {
    madeAt
        .entrySet()
        .removeIf(
            entry -> {
              boolean expired = entry.getValue().isBefore(before);
              if (expired) {
                forget.accept(entry.getKey());
              }
              return expired;
            });
  }

  private static List<String> ids(JsonObject answer, String list, String field) {
    return list(answer, list).stream().map(item -> item.asJsonObject().getString(field)).toList();
  }

  /** The ids of a list of the feed, each with when it changed. */
  private static Map<String, Instant> changes(
      JsonObject answer, String list, String idField, String atField) {
    Map<String, Instant> changes = new HashMap<>();
    for (JsonValue item : list(answer, list)) {
      JsonObject change = item.asJsonObject();
      changes.put(change.getString(idField), Instant.parse(change.getString(atField)));
    }
    return changes;
  }

  private static JsonArray list(JsonObject answer, String list) {
    JsonArray items = answer.getJsonArray(list);
    if (items == null) {
      throw new JsonException("The revocation feed has no '" + list + "'");
    }
    return items;
  }

  private void failed(String why) {
    Instant now = clock.instant();
    LOG.log(Level.FINE, "Revocation poll failed: {0}", why);
    // Measured from the last success, not the first failure: the view is as old as that, and a
    // first failure comes up to a poll interval after it (the specification's lastSuccessfulSync).
    Duration stale = Duration.between(current, now);
    if (stale.compareTo(ALERT_AFTER) >= 0
        && (alertedAt == null || !now.isBefore(alertedAt.plus(ALERT_AFTER)))) {
      alertedAt = now;
      LOG.log(
          Level.SEVERE,
          "ALERT: revocation sync has failed for {0} s (last: {1}); serving with the view of {2}",
          new Object[] {
            stale.toSeconds(), why, view.syncedAt().map(Instant::toString).orElse("never")
          });
    }
  }
}

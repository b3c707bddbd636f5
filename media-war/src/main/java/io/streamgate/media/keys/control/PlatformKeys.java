package io.streamgate.media.keys.control;

import com.nimbusds.jose.jwk.JWKSet;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gets the platform's public keys into {@link TrustedKeys}: from {@code PLAYBACK_PUBLIC_KEYS} (a
 * JWK set in the configuration) when set, else from the platform's {@code GET /api/keys} at start
 * (retried every few seconds until it answers), every {@link #REFRESH_INTERVAL} (so retired keys
 * leave), and when a token names an unknown key, at most once per {@link #REFETCH_INTERVAL}, so
 * that forged key ids cannot make it hammer the platform.
 */
@ApplicationScoped
public class PlatformKeys {

  private static final Logger LOG = Logger.getLogger(PlatformKeys.class.getName());

  static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
  static final Duration REFETCH_INTERVAL = Duration.ofSeconds(1);
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(60);
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  @Inject TrustedKeys trusted;

  @Inject Clock clock;

  Optional<String> platform;

  Optional<String> configured;

  @Inject
  void configure(MediaSettings settings) {
    platform = settings.platformAppUrl();
    configured = settings.playbackPublicKeys();
  }

  @Resource ManagedScheduledExecutorService scheduler;

  private final AtomicReference<Instant> lastFetch = new AtomicReference<>(Instant.EPOCH);
  private volatile Instant loadedAt;
  private HttpClient client;
  private ScheduledFuture<?> retries;
  private ScheduledFuture<?> refreshes;

  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    if (configured.isPresent()) {
      try {
        trusted.replaceWith(JWKSet.parse(configured.get()).getKeys());
        loadedAt = clock.instant();
      } catch (ParseException e) {
        throw new IllegalStateException("PLAYBACK_PUBLIC_KEYS is not a JWK set", e);
      }
      return;
    }
    if (platform.isEmpty()) {
      LOG.warning("Neither PLATFORM_APP_URL nor PLAYBACK_PUBLIC_KEYS is set: no token will verify");
      return;
    }
    if (KeysAddress.of(platform.get()).unprotected()) {
      LOG.warning(
          "PLATFORM_APP_URL is plain http to another machine: the public keys that decide which"
              + " tokens play (and an edge server's internal API key) travel unprotected; use"
              + " https");
    }
    client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    retries =
        scheduler.scheduleWithFixedDelay(
            this::retryUntilLoaded, 0, RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    // Retired keys leave, and keys a rotation added arrive, within a minute anyway.
    refreshes =
        scheduler.scheduleWithFixedDelay(
            this::refresh,
            REFRESH_INTERVAL.toMillis(),
            REFRESH_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (retries != null) {
      retries.cancel(false);
    }
    if (refreshes != null) {
      refreshes.cancel(false);
    }
  }

  /** When the keys were last loaded; empty until they were. */
  public Optional<Instant> loadedAt() {
    return Optional.ofNullable(loadedAt);
  }

  /**
   * A token named a key we do not have - most likely one the platform has just rotated to: fetch
   * the keys now, on the caller's thread, unless that was done moments ago. Answers whether a fetch
   * succeeded, so the caller can verify the token again instead of refusing the viewer once.
   */
  public boolean refetchForUnknownKey() {
    if (client == null) {
      return false;
    }
    Instant now = clock.instant();
    Instant last = lastFetch.get();
    if (now.isBefore(last.plus(REFETCH_INTERVAL)) || !lastFetch.compareAndSet(last, now)) {
      return false;
    }
    return fetch();
  }

  private void refresh() {
    lastFetch.set(clock.instant());
    fetch();
  }

  private void retryUntilLoaded() {
    if (loadedAt != null) {
      retries.cancel(false);
      return;
    }
    lastFetch.set(clock.instant());
    fetch();
  }

  private boolean fetch() {
    URI uri = KeysAddress.of(platform.orElseThrow()).keys();
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        LOG.log(
            Level.WARNING,
            "Public keys: {0} answered {1}",
            new Object[] {uri, response.statusCode()});
        return false;
      }
      JWKSet keys = JWKSet.parse(response.body());
      trusted.replaceWith(keys.getKeys());
      if (loadedAt == null) {
        LOG.log(
            Level.INFO, "Public keys loaded from {0}: {1} key(s)", new Object[] {uri, keys.size()});
      }
      loadedAt = clock.instant();
      return true;
    } catch (java.io.IOException | ParseException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "Public keys not loaded from " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}

package io.streamgate.platform.playback.control;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.streamgate.common.playback.Playlist;
import io.streamgate.common.playback.StreamPaths;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the media server what a viewer would see of an event's stream: its entry playlist, then the
 * first variant playlist it names (the one an encoder keeps rewriting while it runs), with a
 * 10-second probe JWT that opens playlists and nothing else. An answer is shared for {@link
 * #SHARED_FOR} by everyone who asks about the same stream, so a thousand viewers waiting for the
 * start make one probe every few seconds, not a thousand.
 *
 * <p>Whether a live playlist advances is judged from what this member saw: the time its window last
 * moved ({@link Playlist#fingerprint()}), or on first sight the media server's {@code
 * Last-Modified}. Only relative URIs of plain names inside the event's folder are followed.
 */
@ApplicationScoped
public class StreamProbe {

  private static final Logger LOG = Logger.getLogger(StreamProbe.class.getName());

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  /** Longest a caller waits for a look at a stream (two playlists, each within TIMEOUT). */
  static final Duration DEADLINE = TIMEOUT.multipliedBy(2).plusMillis(500);

  /** How long one answer serves everyone: the waiting screen asks every 2.5 s. */
  static final Duration SHARED_FOR = Duration.ofSeconds(2);

  /** Target duration assumed when a playlist gives none. */
  static final Duration DEFAULT_TARGET = Duration.ofSeconds(6);

  /** What the media server said. */
  public sealed interface Outcome {}

  /**
   * A variant playlist exists.
   *
   * @param ended it carries {@code #EXT-X-ENDLIST}: a recording
   * @param movedAt when its window last moved, as far as this member knows
   * @param targetDuration its target duration
   */
  public record Found(boolean ended, Instant movedAt, Duration targetDuration) implements Outcome {

    /** Moved within three target durations (and the time an answer is shared): a player sees it. */
    public boolean advancing(Instant now) {
      return !ended
          && !movedAt.isBefore(now.minus(targetDuration.multipliedBy(3)).minus(SHARED_FOR));
    }
  }

  /** The media server answered that there is no playlist to play (yet, or any more). */
  public record Missing() implements Outcome {}

  /** No usable answer: the media server is down, slow or broken, or the playlist is not usable. */
  public record Unreachable() implements Outcome {}

  /** A variant playlist's window as last seen, and when it was first seen like that. */
  private record Sighting(String fingerprint, Instant since) {}

  @Inject PlaybackTokenMint mint;

  @Inject Clock clock;

  private HttpClient client;

  /**
   * Answers by stream, each computed on the managed executor: a slow media server or origin keeps
   * only those asking about that stream waiting, never a lock other streams' answers need.
   */
  private AsyncCache<URI, Outcome> recent;

  @Resource ManagedExecutorService executor;

  private Cache<URI, Sighting> sightings;

  @PostConstruct
  void start() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    recent =
        Caffeine.newBuilder()
            .expireAfterWrite(SHARED_FOR)
            .maximumSize(10_000)
            .executor(executor)
            .buildAsync();
    sightings =
        Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(10_000).build();
  }

  /**
   * What {@code mediaBaseUrl/streams/<eventId>/<entry>} and its first variant look like now, or the
   * answer to that of less than {@link #SHARED_FOR} ago. Callers give a configured base URL, never
   * one taken from a request, and an entry playlist name the event's validation accepted.
   */
  public Outcome probe(String mediaBaseUrl, String eventId, String entry) {
    URI folder;
    URI entryUrl;
    try {
      folder = URI.create(mediaBaseUrl + StreamPaths.prefix(eventId));
      entryUrl = folder.resolve(Playlist.insideFolder(entry).orElseThrow());
    } catch (IllegalArgumentException | NoSuchElementException e) {
      return new Unreachable();
    }
    try {
      return recent
          .get(entryUrl, url -> look(folder, url, eventId))
          .get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return new Unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Unreachable();
    }
  }

  private Outcome look(URI folder, URI entryUrl, String eventId) {
    String token = mint.probe(eventId);
    Reply entry = get(entryUrl, token);
    if (entry instanceof Failed failed) {
      return failed.outcome();
    }
    Body body = (Body) entry;
    Playlist playlist = body.playlist();
    URI variantUrl = entryUrl;
    Body variant = body;
    if (playlist.isMaster()) {
      Optional<String> first = Playlist.insideFolder(playlist.variants().get(0));
      if (first.isEmpty()) {
        return new Unreachable();
      }
      variantUrl = folder.resolve(first.get());
      Reply reply = get(variantUrl, token);
      if (reply instanceof Failed failed) {
        return failed.outcome();
      }
      variant = (Body) reply;
      if (variant.playlist().isMaster()) {
        return new Unreachable();
      }
    }
    if (variant.playlist().segments() == 0) {
      return new Missing();
    }
    return found(variantUrl, variant);
  }

  private Found found(URI variantUrl, Body variant) {
    Instant now = clock.instant();
    String fingerprint = variant.playlist().fingerprint();
    Sighting sighting =
        sightings
            .asMap()
            .compute(
                variantUrl,
                (url, before) ->
                    before != null && before.fingerprint().equals(fingerprint)
                        ? before
                        : new Sighting(
                            fingerprint,
                            before == null ? variant.lastModified().orElse(now) : now));
    return new Found(
        variant.playlist().ended(),
        sighting.since(),
        variant.playlist().targetDuration().orElse(DEFAULT_TARGET));
  }

  /** One GET of a playlist through the media server. */
  private sealed interface Reply {}

  private record Failed(Outcome outcome) implements Reply {}

  private record Body(Playlist playlist, Optional<Instant> lastModified) implements Reply {}

  private Reply get(URI url, String token) {
    try {
      HttpRequest get =
          HttpRequest.newBuilder(url)
              .GET()
              .header("Authorization", "Bearer " + token)
              .timeout(TIMEOUT)
              .build();
      HttpResponse<InputStream> response =
          client.send(get, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() == 404) {
          return new Failed(new Missing());
        }
        if (response.statusCode() != 200) {
          return new Failed(new Unreachable());
        }
        byte[] bytes = in.readNBytes(Playlist.MAX_BYTES + 1);
        if (bytes.length > Playlist.MAX_BYTES) {
          return new Failed(new Unreachable());
        }
        Optional<Playlist> playlist = Playlist.read(new String(bytes, StandardCharsets.UTF_8));
        if (playlist.isEmpty()) {
          return new Failed(new Unreachable());
        }
        return new Body(
            playlist.get(),
            response.headers().firstValue("Last-Modified").flatMap(StreamProbe::date));
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "stream probe failed", e);
      return new Failed(new Unreachable());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(new Unreachable());
    }
  }

  private static Optional<Instant> date(String httpDate) {
    try {
      return Optional.of(
          ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}

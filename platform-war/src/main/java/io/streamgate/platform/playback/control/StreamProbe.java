package io.streamgate.platform.playback.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.streamgate.common.playback.StreamPaths;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the media server whether an event's stream is there and when it last changed: a HEAD of the
 * manifest with a 10-second probe JWT, which may do nothing else. An answer is shared for {@link
 * #SHARED_FOR} by everyone who asks about the same manifest, so a thousand viewers waiting for the
 * start make one probe every few seconds, not a thousand.
 */
@ApplicationScoped
public class StreamProbe {

  private static final Logger LOG = Logger.getLogger(StreamProbe.class.getName());

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  static final Duration SHARED_FOR = Duration.ofSeconds(3);

  /** What the media server said. */
  public sealed interface Outcome {}

  /** The manifest exists; last modified then, when the media server said so. */
  public record Found(Optional<Instant> lastModified) implements Outcome {}

  /** The media server answered that there is no manifest (yet, or any more). */
  public record Missing() implements Outcome {}

  /** No usable answer: the media server is down, slow or broken. */
  public record Unreachable() implements Outcome {}

  @Inject PlaybackTokenMint mint;

  private HttpClient client;

  private Cache<URI, Outcome> recent;

  @PostConstruct
  void start() {
    client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    recent = Caffeine.newBuilder().expireAfterWrite(SHARED_FOR).maximumSize(10_000).build();
  }

  /**
   * HEAD of {@code mediaBaseUrl/streams/<eventId>/<manifest>}, or the answer to it of less than
   * {@link #SHARED_FOR} ago. Callers give a configured base URL, never one taken from a request.
   */
  public Outcome probe(String mediaBaseUrl, String eventId, String manifest) {
    URI manifestUrl;
    try {
      manifestUrl = URI.create(mediaBaseUrl + StreamPaths.prefix(eventId) + manifest);
    } catch (IllegalArgumentException e) {
      return new Unreachable();
    }
    return recent.get(manifestUrl, url -> head(url, eventId));
  }

  private Outcome head(URI manifestUrl, String eventId) {
    try {
      HttpRequest head =
          HttpRequest.newBuilder(manifestUrl)
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .header("Authorization", "Bearer " + mint.probe(eventId))
              .timeout(TIMEOUT)
              .build();
      HttpResponse<Void> response = client.send(head, HttpResponse.BodyHandlers.discarding());
      return switch (response.statusCode()) {
        case 200 ->
            new Found(response.headers().firstValue("Last-Modified").flatMap(StreamProbe::date));
        case 404 -> new Missing();
        default -> new Unreachable();
      };
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.FINE, "stream probe failed", e);
      return new Unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Unreachable();
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

package io.streamgate.platform.playback.control;

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
 * manifest with a 10-second probe JWT, which may do nothing else.
 */
@ApplicationScoped
public class StreamProbe {

  private static final Logger LOG = Logger.getLogger(StreamProbe.class.getName());

  static final Duration TIMEOUT = Duration.ofSeconds(2);

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

  @PostConstruct
  void start() {
    client =
        HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** HEAD of {@code mediaBaseUrl/streams/<eventId>/<manifest>}. */
  public Outcome probe(String mediaBaseUrl, String eventId, String manifest) {
    try {
      HttpRequest head =
          HttpRequest.newBuilder(URI.create(mediaBaseUrl + StreamPaths.prefix(eventId) + manifest))
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

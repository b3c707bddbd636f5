package io.streamgate.media.delivery.control;

import io.streamgate.common.logging.ThrottledWarning;
import io.streamgate.media.access.control.RevocationView;
import io.streamgate.media.sharing.control.SharingStatistics;
import io.streamgate.media.upstream.control.UpstreamStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The media server's MicroProfile Metrics (on {@code /metrics}): requests by status, bytes sent,
 * segment-cache hits and misses, upstream fetches and their failures, refused tokens by reason,
 * request latency, responses under way, the age of the revocation view. Counters are looked up once
 * and kept, so counting costs a request next to nothing. Upstream and sharing count through their
 * own interfaces ({@link UpstreamStatistics}, {@link SharingStatistics}), implemented here, so that
 * they need not know the delivery component.
 */
@ApplicationScoped
public class DeliveryMetrics implements UpstreamStatistics, SharingStatistics {

  @Inject MetricRegistry registry;

  @Inject RevocationView revocations;

  @Inject InFlightResponses inFlight;

  @Inject ResponseLimits limits;

  @Inject Clock clock;

  private static final System.Logger LOG = System.getLogger(DeliveryMetrics.class.getName());

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final ThrottledWarning busyWarning = new ThrottledWarning();
  private Timer latency;

  /**
   * Created with the application, where Payara can tell which application's registry to inject: the
   * first use may come from a container thread completing an async response, which cannot.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    latency =
        registry.timer(
            Metadata.builder()
                .withName("streamgate_media_request_duration")
                .withDescription("Time to answer a stream request (until the body is handed on)")
                .build());
    // Counted from the HTTP client's threads, where no registry can be looked up: made now.
    ERROR_KINDS.forEach(kind -> upstreamErrors(kind));
    registry.gauge(
        Metadata.builder()
            .withName("streamgate_media_revocation_sync_age_seconds")
            .withDescription(
                "Seconds since the revocation view was last brought up to date (-1: never)")
            .build(),
        () ->
            revocations
                .syncedAt()
                .map(at -> Duration.between(at, clock.instant()).toSeconds())
                .orElse(-1L));
    registry.gauge(
        Metadata.builder()
            .withName("streamgate_media_responses_in_flight")
            .withDescription("Stream responses under way")
            .build(),
        inFlight::count);
    registry.gauge(
        Metadata.builder()
            .withName("streamgate_media_response_memory_bytes")
            .withDescription("Bytes of bodies held in memory for stream responses under way")
            .build(),
        limits::heldBytes);
    registry.gauge(
        Metadata.builder()
            .withName("streamgate_media_slow_responses_ended")
            .withDescription("Responses ended because their reader stayed below the minimum rate")
            .build(),
        limits::endedSlow);
    for (ResponseLimits.Refusal reason : ResponseLimits.Refusal.values()) {
      busyCounter(reason);
    }
  }

  /**
   * A response refused because the limits were reached: session, total or memory. Counted, and
   * logged at most once a second (with the refusals since), so an overload cannot flood the log.
   */
  public void busy(ResponseLimits.Refusal reason) {
    busyCounter(reason).inc();
    long refused = busyWarning.occurred(clock.millis());
    if (refused > 0) {
      LOG.log(
          System.Logger.Level.WARNING,
          "{0} stream request(s) answered 503 with Retry-After since the last warning: busy, the {1}"
              + " limit was reached (MEDIA_MAX_RESPONSES, 8 per session, MEDIA_RESPONSE_MEMORY_MB)",
          refused,
          reason.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  private Counter busyCounter(ResponseLimits.Refusal reason) {
    return counter(
        "streamgate_media_responses_refused",
        "Stream requests answered 503 because a response limit was reached, by limit",
        "limit",
        reason.name().toLowerCase(java.util.Locale.ROOT));
  }

  public void request(int status, long bytes, Duration took) {
    counter("streamgate_media_requests", "Stream requests answered, by status", "status", status)
        .inc();
    if (bytes > 0) {
      counter("streamgate_media_bytes_sent", "Body bytes of answered stream requests", null, null)
          .inc(bytes);
    }
    latency.update(took);
  }

  public void cacheHit() {
    counter("streamgate_media_cache_hits", "Requests answered from the segment cache", null, null)
        .inc();
  }

  public void cacheMiss() {
    counter(
            "streamgate_media_cache_misses",
            "Requests the segment cache could not answer",
            null,
            null)
        .inc();
  }

  @Override
  public void upstreamFetch(boolean joined) {
    counter(
            "streamgate_media_upstream_fetches",
            "Upstream fetches: started, or joined while under way",
            "kind",
            joined ? "joined" : "started")
        .inc();
  }

  /** An upstream fetch failed: timeout, connect, broken, status-4xx or status-5xx. */
  @Override
  public void upstreamError(String kind) {
    upstreamErrors(kind).inc();
  }

  private Counter upstreamErrors(String kind) {
    return counter(
        "streamgate_media_upstream_errors", "Upstream fetches that failed, by kind", "kind", kind);
  }

  /** A session's token was seen played by several clients at once, reported as end or flag. */
  @Override
  public void tokenSharing(String action) {
    counter(
            "streamgate_media_token_sharing",
            "Sessions seen played by several clients at once, by the action asked for",
            "action",
            action)
        .inc();
  }

  public void refused(String reason) {
    counter(
            "streamgate_media_auth_failures",
            "Refused stream requests, by reason",
            "reason",
            reason)
        .inc();
  }

  private Counter counter(String name, String description, String tag, Object value) {
    String key = value == null ? name : name + "|" + value;
    return counters.computeIfAbsent(
        key,
        k -> {
          Metadata metadata =
              Metadata.builder().withName(name).withDescription(description).build();
          return value == null
              ? registry.counter(metadata)
              : registry.counter(metadata, new Tag(tag, String.valueOf(value)));
        });
  }
}

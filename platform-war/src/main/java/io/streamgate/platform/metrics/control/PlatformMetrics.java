package io.streamgate.platform.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The platform's MicroProfile Metrics (on {@code /metrics}): responses by status class, for a 5xx
 * alert, and the live viewer sessions, as the dashboard last counted them (every 2 s, from the
 * database, so every platform member reports the same number).
 */
@ApplicationScoped
public class PlatformMetrics {

  private static final List<String> CLASSES = List.of("1xx", "2xx", "3xx", "4xx", "5xx");

  @Inject MetricRegistry registry;

  private Map<String, Counter> responses = Map.of();
  private volatile long liveSessions;

  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    Metadata answered =
        Metadata.builder()
            .withName("streamgate_platform_responses")
            .withDescription("HTTP responses of the platform, by status class")
            .build();
    responses =
        CLASSES.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    Function.identity(),
                    statusClass ->
                        registry.counter(answered, new Tag("status_class", statusClass))));
    registry.gauge(
        Metadata.builder()
            .withName("streamgate_platform_viewer_sessions")
            .withDescription("Live viewer sessions (heartbeat within SESSION_TIMEOUT_SECONDS)")
            .build(),
        () -> liveSessions);
  }

  public void response(int status) {
    Counter counter = responses.get((status / 100) + "xx");
    if (counter != null) {
      counter.inc();
    }
  }

  public void liveSessions(long count) {
    liveSessions = count;
  }
}

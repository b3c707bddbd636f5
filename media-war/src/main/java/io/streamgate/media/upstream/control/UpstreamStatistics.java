package io.streamgate.media.upstream.control;

import java.util.List;

/**
 * What {@link UpstreamOrigin} counts, said in its own words: the component that publishes metrics
 * (delivery's {@code DeliveryMetrics}) implements it, so that upstream depends on nothing above it.
 */
public interface UpstreamStatistics {

  /** Kinds of failed upstream fetches, as {@link #upstreamError(String)} names them. */
  List<String> ERROR_KINDS = List.of("timeout", "connect", "broken", "status-4xx", "status-5xx");

  /** A fetch was started, or a request joined one under way. */
  void upstreamFetch(boolean joined);

  /** A fetch failed: one of {@link #ERROR_KINDS}. Called from the HTTP client's threads. */
  void upstreamError(String kind);
}

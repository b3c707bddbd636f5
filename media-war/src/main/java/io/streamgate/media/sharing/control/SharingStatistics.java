package io.streamgate.media.sharing.control;

/**
 * What {@link TokenSharing} counts, said in its own words: the component that publishes metrics
 * (delivery's {@code DeliveryMetrics}) implements it, so that sharing depends on nothing above it.
 */
public interface SharingStatistics {

  /**
   * A session was seen played by several clients at once, reported as {@code end} or {@code flag}.
   */
  void tokenSharing(String action);
}

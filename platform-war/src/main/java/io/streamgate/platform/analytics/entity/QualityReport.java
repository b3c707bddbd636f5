package io.streamgate.platform.analytics.entity;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the player reports with a heartbeat about its session so far: totals since the session
 * started, so that a report sent twice counts once. Every figure is optional and bounded by what a
 * real session can produce; a report outside the bounds is refused whole ({@link #outOfBounds}; not
 * Bean Validation's {@code @Min}/{@code @Max}, on which Payara's OpenAPI scanner fails).
 *
 * @param startupMs from the player starting to load the stream to the first frame
 * @param stalls times playback stopped to wait for data after it had started
 * @param stalledMs time spent so
 * @param networkErrors fatal errors by kind: network, media (decoding), key (DRM), access (the
 *     media server refused a token)
 */
public record QualityReport(
    Integer startupMs,
    Integer stalls,
    Long stalledMs,
    Integer networkErrors,
    Integer mediaErrors,
    Integer keyErrors,
    Integer accessErrors) {

  /** What is out of bounds, in one sentence; empty for a report within them. */
  public Optional<String> outOfBounds() {
    return Stream.of(
            within("startupMs", startupMs, 600_000),
            within("stalls", stalls, 100_000),
            within("stalledMs", stalledMs, 604_800_000L),
            within("networkErrors", networkErrors, 1000),
            within("mediaErrors", mediaErrors, 1000),
            within("keyErrors", keyErrors, 1000),
            within("accessErrors", accessErrors, 1000))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<String> within(String name, Number value, long max) {
    return value != null && (value.longValue() < 0 || value.longValue() > max)
        ? Optional.of(name + " must be between 0 and " + max + ".")
        : Optional.empty();
  }
}

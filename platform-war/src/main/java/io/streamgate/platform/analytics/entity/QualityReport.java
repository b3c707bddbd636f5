package io.streamgate.platform.analytics.entity;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What the player reports with a heartbeat about its session so far: totals since the session
 * started, so that a report sent twice counts once. Every figure is optional and bounded by what a
 * real session can produce; a report outside the bounds is refused whole.
 *
 * @param startupMs from "Watch Now" to the first frame on screen
 * @param stalls times playback stopped to wait for data after it had started
 * @param stalledMs time spent so
 * @param networkErrors fatal errors by kind: network, media (decoding), key (DRM), access (the
 *     media server refused a token)
 */
public record QualityReport(
    @Min(value = 0, message = "startupMs must be between 0 and 600000.")
        @Max(value = 600_000, message = "startupMs must be between 0 and 600000.")
        Integer startupMs,
    @Min(value = 0, message = "stalls must be between 0 and 100000.")
        @Max(value = 100_000, message = "stalls must be between 0 and 100000.")
        Integer stalls,
    @Min(value = 0, message = "stalledMs must be between 0 and 604800000.")
        @Max(value = 604_800_000L, message = "stalledMs must be between 0 and 604800000.")
        Long stalledMs,
    @Min(value = 0, message = "networkErrors must be between 0 and 1000.")
        @Max(value = 1000, message = "networkErrors must be between 0 and 1000.")
        Integer networkErrors,
    @Min(value = 0, message = "mediaErrors must be between 0 and 1000.")
        @Max(value = 1000, message = "mediaErrors must be between 0 and 1000.")
        Integer mediaErrors,
    @Min(value = 0, message = "keyErrors must be between 0 and 1000.")
        @Max(value = 1000, message = "keyErrors must be between 0 and 1000.")
        Integer keyErrors,
    @Min(value = 0, message = "accessErrors must be between 0 and 1000.")
        @Max(value = 1000, message = "accessErrors must be between 0 and 1000.")
        Integer accessErrors) {}

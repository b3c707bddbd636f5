package io.streamgate.platform.analytics.entity;

import java.time.Instant;

/** The figures of one viewing record that analytics reads: nothing personal. */
public record ViewingFigures(
    Instant startedAt,
    Instant lastSeenAt,
    Instant endedAt,
    String endReason,
    String deviceKey,
    String browser,
    Integer startupMs,
    long stalledMs,
    int networkErrors,
    int mediaErrors,
    int keyErrors,
    int accessErrors,
    String renditions,
    Integer throughputKbps,
    int starvations) {}

/**
 * Fetching HLS files from an event's own origin ({@code EventSources}, where {@code EVENT_ORIGINS}
 * allows it) or the upstream origin, once per file however many viewers ask, into the segment cache
 * as they arrive. Uses cache and streams; counts through its own {@code UpstreamStatistics}, which
 * delivery implements.
 */
package io.streamgate.media.upstream;

/**
 * The StreamGate media server: HLS delivery gated by playback JWTs, checked in memory.
 *
 * <p>Components, each {@code <component>.{boundary,control,entity}}, use only those below them
 * (checked by {@code ArchitectureTest}): {@code health} and {@code delivery} on top; {@code access}
 * (which also keeps the events' own origins current); {@code upstream} and {@code sharing}; {@code
 * cache} and {@code keys}; at the bottom {@code streams} (the HLS value types), {@code clock} and
 * {@code settings} (every setting, described once and read at start-up).
 */
package io.streamgate.media;

/** The StreamGate media server: HLS delivery gated by playback JWTs, checked in memory. */
package io.streamgate.media;

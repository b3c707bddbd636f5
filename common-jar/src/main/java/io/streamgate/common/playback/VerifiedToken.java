package io.streamgate.common.playback;

/**
 * A token that passed every check: its claims and the id of the key that signed it, so that a
 * cached verification can be dropped once that key is no longer trusted.
 */
record VerifiedToken(PlaybackClaims claims, String kid) {}

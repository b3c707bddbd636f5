/**
 * The RS256 key pairs that sign playback JWTs: created on first boot, the newest signs, the others
 * still verify until retired; their public halves are published as a JWKS for media servers.
 */
package io.streamgate.platform.signing;

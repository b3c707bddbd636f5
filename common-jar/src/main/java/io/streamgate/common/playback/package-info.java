/**
 * The playback JWT: its claims, RS256 signing with a key id on the platform and verification with a
 * pinned algorithm on the media servers, and the stream-path rules that scope a token to one event.
 */
package io.streamgate.common.playback;

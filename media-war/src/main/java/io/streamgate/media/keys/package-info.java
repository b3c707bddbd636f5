/**
 * The public keys this media server trusts for playback JWTs, and how they are fetched from the
 * platform. Uses no other media component.
 */
package io.streamgate.media.keys;

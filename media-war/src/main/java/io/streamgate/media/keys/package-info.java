/** The public keys this media server trusts for playback JWTs. */
package io.streamgate.media.keys;

/**
 * MicroProfile Health checks of the media server and the specification's {@code /health}. Reads the
 * components it reports on (access, cache, delivery, keys); nothing uses it.
 */
package io.streamgate.media.health;

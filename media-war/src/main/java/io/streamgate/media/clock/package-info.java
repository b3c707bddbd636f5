/** The one source of "now" for the media server: the {@code java.time.Clock} every bean injects. */
package io.streamgate.media.clock;

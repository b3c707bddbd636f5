/** What every component of the media server shares: clock, configuration, error responses. */
package io.streamgate.media.runtime;

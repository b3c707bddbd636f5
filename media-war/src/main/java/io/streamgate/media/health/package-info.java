/** MicroProfile Health checks of the media server. */
package io.streamgate.media.health;

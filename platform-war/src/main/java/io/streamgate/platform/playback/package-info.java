/**
 * Playback tokens: minting them, authenticating their bearers, and the keep/refresh/release API.
 */
package io.streamgate.platform.playback;

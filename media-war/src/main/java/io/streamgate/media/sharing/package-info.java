/**
 * Token sharing: one viewer session's playback token played by more than one client at once, seen
 * by the media server and reported to the platform through the data grid.
 */
package io.streamgate.media.sharing;

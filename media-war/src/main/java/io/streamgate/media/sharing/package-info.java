/**
 * Token sharing: one viewer session's playback token played by more than one client at once, seen
 * by the media server and reported to the platform through the data grid. Uses access (which way
 * revocations reach this server); counts through its own {@code SharingStatistics}, which delivery
 * implements.
 */
package io.streamgate.media.sharing;

package io.streamgate.platform.events.control;

/**
 * An event now names another origin (or none), fired within the saving transaction: revocation
 * tells the media servers once it committed. Folders as {@link
 * io.streamgate.common.playback.StreamSource} makes them; null for none.
 */
public record EventSourceChanged(String eventId, String before, String after) {}

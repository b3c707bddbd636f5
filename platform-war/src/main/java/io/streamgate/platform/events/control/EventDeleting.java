package io.streamgate.platform.events.control;

/**
 * An event is about to be deleted, fired synchronously within the deleting transaction before the
 * row goes: revocation observes it and deactivates the event first, so media servers refuse the
 * tokens its viewers still hold.
 */
public record EventDeleting(String eventId, String actor, String ip) {}

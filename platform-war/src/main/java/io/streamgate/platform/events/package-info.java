/**
 * Events: what viewers buy access to, with their schedule, stream and access window; created,
 * changed, archived and deleted on the admin API. Events sit below their codes: what they need of
 * them goes through {@code EventCodes} (implemented by codes), a deletion is announced as {@code
 * EventDeleting} for revocation to deactivate the event first, and a new own origin as {@code
 * EventSourceChanged} for revocation to tell the media servers.
 */
package io.streamgate.platform.events;

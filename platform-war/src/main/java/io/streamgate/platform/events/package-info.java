/**
 * Events: what viewers buy access to, with their schedule, stream and access window; created,
 * changed, archived and deleted on the admin API. Events sit below their codes: what they need of
 * them goes through {@code EventCodes} (implemented by codes), and a deletion is announced as
 * {@code EventDeleting} for revocation to deactivate the event first.
 */
package io.streamgate.platform.events;

/**
 * The append-only audit trail of what viewers and admins did: written by every component (account
 * activity arrives as an event from the accounts below it), read on the audit page and API.
 */
package io.streamgate.platform.audit;

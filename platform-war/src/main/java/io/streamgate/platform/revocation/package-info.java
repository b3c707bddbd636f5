/**
 * Who may no longer watch: revoked codes and deactivated events (also an event being deleted, which
 * events announce), their restoration, the access view shared with media servers in the data grid,
 * and the feed that media servers outside it poll.
 */
package io.streamgate.platform.revocation;

/**
 * Who may no longer watch: revoked codes and deactivated events, their restoration, and the feed
 * that media servers outside the data grid poll.
 */
package io.streamgate.platform.revocation;

/**
 * Who may no longer watch, as this media server knows it: the revocation view and what keeps it
 * current (the data grid, or polling the platform), which also carry the events' own origins into
 * upstream's {@code EventSources}. Uses upstream.
 */
package io.streamgate.media.access;

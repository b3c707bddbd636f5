/**
 * Who may no longer watch, as this media server knows it: the revocation view and what keeps it
 * current (the data grid, or polling the platform). Uses no other media component.
 */
package io.streamgate.media.access;

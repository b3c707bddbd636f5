/**
 * Audience analytics: what each viewer session leaves behind (a viewing record, with the player's
 * quality report and what media servers read from its requests' CMCD data), and the per-event
 * figures computed from those records, minute by minute, during the event and after it.
 */
package io.streamgate.platform.analytics;

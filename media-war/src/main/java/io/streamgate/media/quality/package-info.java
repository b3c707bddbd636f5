/**
 * Quality of delivery: what media servers read off the requests they serve (segments by rendition,
 * and the player's CMCD data) and hand to the platform for the event's analytics.
 */
package io.streamgate.media.quality;

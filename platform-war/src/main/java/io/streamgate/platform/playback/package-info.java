/**
 * From a code to a picture: redeeming a code for a playback token (RedemptionResource,
 * Redemptions), minting and authenticating those tokens, the keep/refresh/release API, whether an
 * event is on for a viewer (EventStatuses) and where viewers' players find the stream
 * (PlaybackLocations).
 */
package io.streamgate.platform.playback;

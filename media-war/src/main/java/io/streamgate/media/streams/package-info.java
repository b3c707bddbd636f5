/**
 * The HLS vocabulary every other component speaks: which files the media server serves ({@code
 * FileType}), how a request names one ({@code StreamRequest}) and what playlists say ({@code
 * Manifests}). Plain values and functions, depending on no other component.
 */
package io.streamgate.media.streams;

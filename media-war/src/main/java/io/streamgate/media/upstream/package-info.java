/** Fetching HLS files from an upstream origin, once per file however many viewers ask. */
package io.streamgate.media.upstream;

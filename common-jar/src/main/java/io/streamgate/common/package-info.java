/**
 * Code that both WARs carry: the specification's constants, the access-code codec and the playback
 * JWT (claims, signing on the platform, verification on the media servers).
 */
package io.streamgate.common;

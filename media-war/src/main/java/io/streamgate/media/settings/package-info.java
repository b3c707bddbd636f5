/**
 * The media server's settings, each described once in {@link
 * io.streamgate.media.settings.entity.MediaSettings} (name, default, rule, meaning) and read and
 * checked once at start-up into that record, which the other components inject.
 */
package io.streamgate.media.settings;

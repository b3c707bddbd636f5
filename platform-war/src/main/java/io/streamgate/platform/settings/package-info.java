/**
 * The platform's settings, each described once in {@link
 * io.streamgate.platform.settings.entity.PlatformSettings} (name, default, rule, meaning) and read
 * and checked once at start-up into that record, which the other components inject.
 */
package io.streamgate.platform.settings;

/** The one source of "now" for the platform: the UTC clock every component injects. */
package io.streamgate.platform.clock;

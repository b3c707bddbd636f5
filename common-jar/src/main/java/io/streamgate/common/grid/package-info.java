/** What the platform and the media servers share through the data grid, as plain strings. */
package io.streamgate.common.grid;

/** The viewer portal: where a viewer enters a code and watches an event. */
package io.streamgate.platform.viewer;

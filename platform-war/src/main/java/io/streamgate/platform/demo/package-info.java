/**
 * The demo content a first run shows: an event on the bundled sample stream and a few codes for it,
 * written to a file in the data folder for the launcher to print.
 */
package io.streamgate.platform.demo;

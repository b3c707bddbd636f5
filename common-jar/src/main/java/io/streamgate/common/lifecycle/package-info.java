/** Stopping a server gently: the requests under way, and the TERM signal that begins a stop. */
package io.streamgate.common.lifecycle;

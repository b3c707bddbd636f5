/**
 * Who is calling: the client address of a request behind trusted proxies, whether it came over
 * HTTPS, and the internal API key that admits media servers.
 */
package io.streamgate.platform.clients;

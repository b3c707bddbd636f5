/**
 * Who is calling: the client address of a request behind trusted proxies, whether it came over
 * HTTPS, the internal API key that identifies media servers, and the roles access is decided by.
 */
package io.streamgate.platform.clients;

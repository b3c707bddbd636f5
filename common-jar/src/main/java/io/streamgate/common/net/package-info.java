/**
 * Who is calling, as both WARs work it out from a request behind reverse proxies; what counts as a
 * web URL.
 */
package io.streamgate.common.net;

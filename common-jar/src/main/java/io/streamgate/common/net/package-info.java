/** Who is calling, as both WARs work it out from a request behind reverse proxies. */
package io.streamgate.common.net;

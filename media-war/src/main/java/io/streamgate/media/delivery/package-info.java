/**
 * Delivery of HLS manifests and segments under {@code /streams/<eventId>/}: the token gate, the
 * servlet and its async senders, response limits, the access log and the request metrics. The top
 * of the media server: it uses the cache, upstream, sharing, access and keys components below it,
 * and none of them uses it.
 */
package io.streamgate.media.delivery;

/** Delivery of HLS manifests and segments under {@code /streams/<eventId>/}. */
package io.streamgate.media.delivery;

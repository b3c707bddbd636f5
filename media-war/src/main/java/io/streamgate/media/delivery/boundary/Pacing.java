package io.streamgate.media.delivery.boundary;

/**
 * How much a sender hands the container per {@code write()}. Payara's HTTP layer (Grizzly) takes
 * every write, even one far larger than the connection can send: what the socket does not accept at
 * once is copied into the connection's async write queue, and {@code isReady()} turns false only
 * afterwards (when the queue holds at least four times the socket's send buffer). A body written in
 * large pieces thus stays in heap, outside {@code ResponseLimits}, for as long as its reader takes
 * nothing. Writing at most this much, and again only when {@code isReady()} is true, bounds what a
 * stalled reader pins to about one such chunk beyond the socket's buffers.
 */
final class Pacing {

  static final int CHUNK = 64 * 1024;

  private Pacing() {}
}

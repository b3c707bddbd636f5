package io.streamgate.media.delivery.boundary;

import io.streamgate.media.delivery.control.ResponseLimits;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams a slice of bytes held in memory (often a cached array shared by many responses, never
 * copied here), one {@link Pacing#CHUNK} per write and only when the connection can take it. A
 * reader too slow for {@link ResponseLimits} is cut off: the bytes are let go of, the connection
 * closed.
 */
final class BytesSender implements WriteListener {

  private static final Logger LOG = Logger.getLogger(BytesSender.class.getName());

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final byte[] bytes;
  private final int end;
  private final ResponseLimits.Response response;
  private int position;
  private boolean finished;

  BytesSender(
      AsyncContext async, byte[] bytes, int first, int length, ResponseLimits.Response response)
      throws IOException {
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.bytes = bytes;
    this.position = first;
    this.end = first + length;
    this.response = response;
  }

  void start() {
    response.whenTooSlow(this::cutOff);
    out.setWriteListener(this);
  }

  @Override
  public synchronized void onWritePossible() throws IOException {
    if (finished) {
      return;
    }
    while (out.isReady()) {
      if (position >= end) {
        finish();
        return;
      }
      int count = Math.min(Pacing.CHUNK, end - position);
      out.write(bytes, position, count);
      position += count;
      response.sent(count);
    }
    response.waitingForReader(true);
  }

  @Override
  public synchronized void onError(Throwable failure) {
    LOG.log(Level.FINE, "response ended early", failure);
    finish();
  }

  private synchronized void cutOff() {
    LOG.log(Level.FINE, "reader too slow, response cut off");
    finish();
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    response.waitingForReader(false);
    try {
      // With Content-Length announced and fewer bytes sent, completing ends the connection.
      async.complete();
    } catch (IllegalStateException e) {
      LOG.log(Level.FINE, "the container had ended the response already", e);
    } finally {
      // Not only on the container's onComplete: a reader that went away may never bring one.
      response.close();
    }
  }
}

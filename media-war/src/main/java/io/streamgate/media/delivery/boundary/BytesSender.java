package io.streamgate.media.delivery.boundary;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Streams a slice of bytes held in memory, whenever the connection can take the next chunk. */
final class BytesSender implements WriteListener {

  private static final Logger LOG = Logger.getLogger(BytesSender.class.getName());

  static final int CHUNK = 1024 * 1024;

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final byte[] bytes;
  private final int end;
  private int position;

  BytesSender(AsyncContext async, byte[] bytes, int first, int length) throws IOException {
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.bytes = bytes;
    this.position = first;
    this.end = first + length;
  }

  void start() {
    out.setWriteListener(this);
  }

  @Override
  public void onWritePossible() throws IOException {
    while (out.isReady()) {
      if (position >= end) {
        async.complete();
        return;
      }
      int count = Math.min(CHUNK, end - position);
      out.write(bytes, position, count);
      position += count;
    }
  }

  @Override
  public void onError(Throwable failure) {
    LOG.log(Level.FINE, "response ended early", failure);
    async.complete();
  }
}

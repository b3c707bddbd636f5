package io.streamgate.media.delivery.boundary;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams a byte range of an open file without blocking a request thread on the client: writes a
 * chunk whenever the connection can take one. The file was opened before the headers went out, so
 * deleting or replacing it meanwhile does not disturb this response; a file that shrinks under it
 * ends this one response with an error, nothing else.
 */
final class FileSender implements WriteListener {

  private static final Logger LOG = Logger.getLogger(FileSender.class.getName());

  /** Large enough that a 1 MB segment is a handful of writes. */
  static final int CHUNK = 256 * 1024;

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final FileChannel file;
  private final long end;
  private final byte[] buffer;
  private final ByteBuffer view;
  private long position;

  FileSender(AsyncContext async, FileChannel file, long first, long length) throws IOException {
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.file = file;
    this.position = first;
    this.end = first + length;
    this.buffer = new byte[(int) Math.min(CHUNK, Math.max(length, 1))];
    this.view = ByteBuffer.wrap(buffer);
  }

  void start() {
    out.setWriteListener(this);
  }

  @Override
  public void onWritePossible() throws IOException {
    while (out.isReady()) {
      if (position >= end) {
        finish();
        return;
      }
      view.clear().limit((int) Math.min(buffer.length, end - position));
      int read = file.read(view, position);
      if (read <= 0) {
        throw new IOException("file ended before its announced length");
      }
      out.write(buffer, 0, read);
      position += read;
    }
  }

  @Override
  public void onError(Throwable failure) {
    LOG.log(Level.FINE, "file response ended early", failure);
    finish();
  }

  private void finish() {
    try {
      file.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a served file", e);
    }
    async.complete();
  }
}

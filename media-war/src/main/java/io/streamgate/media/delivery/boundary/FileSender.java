package io.streamgate.media.delivery.boundary;

import io.streamgate.media.delivery.control.ResponseLimits;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
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
 * ends this one response with an error, nothing else. The file is closed however the response ends:
 * sent, failed, client gone, cut off as too slow, or timed out.
 */
final class FileSender implements WriteListener, AsyncListener {

  private static final Logger LOG = Logger.getLogger(FileSender.class.getName());

  /** One write's worth: what a stalled reader can pin beyond the socket's buffers. */
  static final int CHUNK = Pacing.CHUNK;

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final FileChannel file;
  private final long end;
  private final byte[] buffer;
  private final ByteBuffer view;
  private final ResponseLimits.Response response;
  private long position;
  private boolean finished;

  /** {@code buffer}: at least one byte, at most {@link #CHUNK}; held for this response. */
  FileSender(
      AsyncContext async,
      FileChannel file,
      byte[] buffer,
      long first,
      long length,
      ResponseLimits.Response response)
      throws IOException {
    this.async = async;
    this.file = file;
    this.position = first;
    this.end = first + length;
    this.buffer = buffer;
    this.view = ByteBuffer.wrap(buffer);
    this.response = response;
    // Listening before anything can fail: whatever ends the response closes the file.
    async.addListener(this);
    this.out = async.getResponse().getOutputStream();
  }

  /** A buffer for sending {@code length} bytes. */
  static byte[] buffer(long length) {
    return new byte[(int) Math.min(CHUNK, Math.max(length, 1))];
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
      view.clear().limit((int) Math.min(buffer.length, end - position));
      int read = file.read(view, position);
      if (read <= 0) {
        throw new IOException("file ended before its announced length");
      }
      out.write(buffer, 0, read);
      position += read;
      response.sent(read);
    }
    response.waitingForReader(true);
  }

  @Override
  public synchronized void onError(Throwable failure) {
    LOG.log(Level.FINE, "file response ended early", failure);
    finish();
  }

  private synchronized void cutOff() {
    LOG.log(Level.FINE, "reader too slow, file response cut off");
    finish();
  }

  private void finish() {
    if (finished) {
      return;
    }
    finished = true;
    response.waitingForReader(false);
    closeFile();
    try {
      async.complete();
    } catch (IllegalStateException e) {
      LOG.log(Level.FINE, "the container had ended the response already", e);
    } finally {
      // Not only on the container's onComplete: a reader that went away may never bring one.
      response.close();
    }
  }

  private void closeFile() {
    try {
      file.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a served file", e);
    }
  }

  // The response's own end, whichever way it came: closing twice is harmless.

  @Override
  public void onComplete(AsyncEvent event) {
    closeFile();
  }

  @Override
  public synchronized void onTimeout(AsyncEvent event) {
    finish();
  }

  @Override
  public void onError(AsyncEvent event) {
    closeFile();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // not restarted
  }
}

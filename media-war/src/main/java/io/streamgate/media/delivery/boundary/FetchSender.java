package io.streamgate.media.delivery.boundary;

import io.streamgate.media.delivery.control.ResponseLimits;
import io.streamgate.media.upstream.control.Fetch;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Streams an upstream fetch to one viewer as it arrives: whatever was received before this viewer
 * joined, then each new chunk, at most {@link Pacing#CHUNK} per write. Called both when the
 * connection can take more and when the fetch has more; one at a time. If the origin fails midway,
 * the response is cut off rather than completed, so the player sees a broken transfer, not a short
 * segment; so is a reader too slow for {@link ResponseLimits}.
 */
final class FetchSender implements WriteListener, Runnable {

  private static final Logger LOG = Logger.getLogger(FetchSender.class.getName());

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final Fetch fetch;
  private final ResponseLimits.Response response;
  private int next;
  private int offset; // within chunk next: a received chunk goes out in pieces of Pacing.CHUNK
  private boolean finished;

  FetchSender(AsyncContext async, Fetch fetch, ResponseLimits.Response response)
      throws IOException {
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.fetch = fetch;
    this.response = response;
  }

  void start() {
    response.whenTooSlow(this::cutOff);
    out.setWriteListener(this);
    fetch.watch(this);
  }

  @Override
  public void onWritePossible() {
    drain();
  }

  @Override
  public void run() {
    drain();
  }

  private synchronized void drain() {
    if (finished) {
      return;
    }
    try {
      while (out.isReady()) {
        byte[] chunk = fetch.chunk(next);
        if (chunk != null) {
          int count = Math.min(Pacing.CHUNK, chunk.length - offset);
          out.write(chunk, offset, count);
          offset += count;
          if (offset >= chunk.length) {
            next++;
            offset = 0;
          }
          response.sent(count);
        } else if (fetch.failed()) {
          end(new IOException("upstream failed midway"));
          return;
        } else if (fetch.done()) {
          end(null);
          return;
        } else {
          response.waitingForReader(false); // waiting for the origin, not the reader
          return;
        }
      }
      response.waitingForReader(true);
    } catch (IOException | IllegalStateException e) {
      end(e);
    }
  }

  @Override
  public void onError(Throwable failure) {
    synchronized (this) {
      if (finished) {
        return;
      }
      end(failure);
    }
  }

  private synchronized void cutOff() {
    if (!finished) {
      end(new IOException("reader too slow"));
    }
  }

  private void end(Throwable failure) {
    finished = true;
    response.waitingForReader(false);
    fetch.unwatch(this);
    if (failure != null) {
      LOG.log(Level.FINE, "upstream response cut off", failure);
    }
    // With Content-Length announced and fewer bytes sent, completing closes the connection: the
    // player sees a broken transfer (checked by the system tests), never a short segment.
    try {
      async.complete();
    } catch (IllegalStateException e) {
      LOG.log(Level.FINE, "the container had ended the response already", e);
    } finally {
      response.close();
    }
  }
}

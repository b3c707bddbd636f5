package io.streamgate.media.upstream.control;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One download from the upstream origin that any number of viewers follow: they get the status and
 * headers once known, then every chunk received so far and each further one as it arrives. Chunks
 * stay in memory until the last follower lets go of the fetch.
 */
public final class Fetch {

  /** What the origin answered, once it did. */
  public record Head(int status, long contentLength, Optional<String> lastModified) {}

  private final List<byte[]> chunks = new ArrayList<>();
  private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
  private Head head;
  private boolean done;
  private Throwable failure;
  private long received;

  /** Runs {@code watcher} now and after every change (head known, chunk, end, failure). */
  public void watch(Runnable watcher) {
    watchers.add(watcher);
    watcher.run();
  }

  public void unwatch(Runnable watcher) {
    watchers.remove(watcher);
  }

  public synchronized Optional<Head> head() {
    return Optional.ofNullable(head);
  }

  /** The chunk at {@code index}, or null when it has not arrived (yet). */
  public synchronized byte[] chunk(int index) {
    return index < chunks.size() ? chunks.get(index) : null;
  }

  public synchronized boolean done() {
    return done;
  }

  public synchronized boolean failed() {
    return failure != null;
  }

  public synchronized long received() {
    return received;
  }

  /** The whole body, for a complete fetch (manifests are processed whole). */
  public synchronized byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) received);
    chunks.forEach(out::writeBytes);
    return out.toByteArray();
  }

  void headed(Head head) {
    synchronized (this) {
      this.head = head;
    }
    notifyWatchers();
  }

  void received(byte[] chunk) {
    synchronized (this) {
      chunks.add(chunk);
      received += chunk.length;
    }
    notifyWatchers();
  }

  void finished() {
    synchronized (this) {
      done = true;
    }
    notifyWatchers();
  }

  void failed(Throwable cause) {
    synchronized (this) {
      if (done) {
        return;
      }
      failure = cause;
      done = true;
    }
    notifyWatchers();
  }

  private void notifyWatchers() {
    for (Runnable watcher : watchers) {
      watcher.run();
    }
  }
}

package io.streamgate.platform.sessions.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Writes what many callers ask for at about the same moment in one transaction: each caller queues
 * its key and waits; one writer thread takes everything queued (up to {@code maxBatch} keys) and
 * hands it to {@code write}, which answers the keys it found. A caller returns only once the batch
 * with its key was written, so an answer still means "committed". Under load a batch holds what
 * arrived while the previous one was written, so the transactions per second stay few however many
 * callers there are.
 *
 * <p>A batch that fails is written again key by key when {@code writeAlone} says so (a deadlock
 * with another transaction touching a few of its rows should fail those callers, not 200), else
 * each of its callers gets the same failure (the database being away). A caller that stops waiting
 * leaves the queue with its key.
 */
final class GroupCommit {

  private record Waiting(String key, CompletableFuture<Boolean> written) {}

  private final Function<List<String>, Set<String>> write;
  private final Predicate<RuntimeException> writeAlone;
  private final int maxBatch;
  private final Supplier<RuntimeException> unavailable;
  private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();

  /** Queued by {@link #close()} to wake the writer, which then ends. */
  private final Waiting end = new Waiting(null, new CompletableFuture<>());

  private volatile boolean closed;

  /**
   * Starts the writer thread.
   *
   * @param write writes a batch of keys in one transaction and answers those it found
   * @param writeAlone whether a failed batch is written again one key at a time
   * @param unavailable what a caller gets when its batch could not be written in time, or the
   *     writer is closed
   */
  GroupCommit(
      ThreadFactory threads,
      Function<List<String>, Set<String>> write,
      Predicate<RuntimeException> writeAlone,
      int maxBatch,
      Supplier<RuntimeException> unavailable) {
    this.write = write;
    this.writeAlone = writeAlone;
    this.maxBatch = maxBatch;
    this.unavailable = unavailable;
    threads.newThread(this::writeQueued).start();
  }

  /**
   * Whether {@code key} was found, once the batch holding it is committed. Throws the write's
   * failure, or {@code unavailable} after {@code wait} or once closed.
   */
  boolean submit(String key, Duration wait) {
    if (closed) {
      throw unavailable.get();
    }
    Waiting waiting = new Waiting(key, new CompletableFuture<>());
    queue.add(waiting);
    if (closed) {
      // The writer may have ended before this key was queued.
      waiting.written().completeExceptionally(unavailable.get());
    }
    try {
      return waiting.written().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (TimeoutException e) {
      if (waiting.written().completeExceptionally(unavailable.get())) {
        throw unavailable.get();
      }
      return waiting.written().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      waiting.written().completeExceptionally(unavailable.get());
      throw unavailable.get();
    }
  }

  /** Ends the writer after the batch it is writing; whoever still waits is answered unavailable. */
  void close() {
    closed = true;
    queue.add(end);
  }

  private static RuntimeException rethrown(Throwable failure) {
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(failure);
  }

  private void writeQueued() {
    List<Waiting> batch = new ArrayList<>(maxBatch);
    try {
      while (true) {
        batch.add(queue.take());
        queue.drainTo(batch, maxBatch - 1);
        if (closed) {
          return;
        }
        // Callers that stopped waiting are not written.
        batch.removeIf(waiting -> waiting.written().isDone());
        if (!batch.isEmpty()) {
          write(batch);
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
      batch.addAll(queue);
      queue.clear();
      batch.forEach(waiting -> waiting.written().completeExceptionally(unavailable.get()));
    }
  }

  private void write(List<Waiting> batch) {
    Set<String> found;
    try {
      found = write.apply(batch.stream().map(Waiting::key).toList());
    } catch (RuntimeException | Error e) {
      if (batch.size() > 1 && e instanceof RuntimeException failure && writeAlone.test(failure)) {
        batch.forEach(waiting -> write(List.of(waiting)));
      } else {
        batch.forEach(waiting -> waiting.written().completeExceptionally(e));
      }
      return;
    }
    batch.forEach(waiting -> waiting.written().complete(found.contains(waiting.key())));
  }
}

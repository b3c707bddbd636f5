package io.streamgate.platform.sessions.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes what many callers ask for at about the same moment in one transaction: each caller queues
 * its key and waits; one task at a time takes everything queued (up to {@code maxBatch} keys) and
 * hands it to {@code write}, which answers the keys it found. A caller returns only once the batch
 * with its key was written, so an answer still means "committed"; a failed batch fails each of its
 * callers with the same exception. Under load a batch holds what arrived while the previous one was
 * written, so the transactions per second stay few however many callers there are.
 */
final class GroupCommit {

  private record Waiting(String key, CompletableFuture<Boolean> written) {}

  private final Executor executor;
  private final Function<List<String>, Set<String>> write;
  private final int maxBatch;
  private final Supplier<RuntimeException> unavailable;
  private final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * @param write writes a batch of keys in one transaction and answers those it found
   * @param unavailable what a caller gets when its batch could not be written in time or at all
   *     (the writer was closed or refused)
   */
  GroupCommit(
      Executor executor,
      Function<List<String>, Set<String>> write,
      int maxBatch,
      Supplier<RuntimeException> unavailable) {
    this.executor = executor;
    this.write = write;
    this.maxBatch = maxBatch;
    this.unavailable = unavailable;
  }

  /**
   * Whether {@code key} was found, once the batch holding it is committed. Throws the batch's
   * failure, or {@code unavailable} after {@code wait}.
   */
  boolean submit(String key, Duration wait) {
    Waiting waiting = new Waiting(key, new CompletableFuture<>());
    queue.add(waiting);
    if (closed) {
      failQueued(unavailable.get());
    } else {
      writeQueued();
    }
    try {
      return waiting.written().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw unavailable.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable.get();
    }
  }

  /** Fails whoever still waits; later callers fail at once. */
  void close() {
    closed = true;
    failQueued(unavailable.get());
  }

  /** Starts the writing task unless one runs: it takes whatever is queued when it gets there. */
  private void writeQueued() {
    if (queue.isEmpty() || !writing.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      writing.set(false);
      failQueued(unavailable.get());
    }
  }

  private void drain() {
    try {
      for (List<Waiting> batch = take(); !batch.isEmpty(); batch = take()) {
        write(batch);
      }
    } finally {
      writing.set(false);
      // A key queued after the last take, while the flag was still set, started no task.
      writeQueued();
    }
  }

  private List<Waiting> take() {
    List<Waiting> batch = new ArrayList<>();
    for (Waiting next; batch.size() < maxBatch && (next = queue.poll()) != null; ) {
      batch.add(next);
    }
    return batch;
  }

  private void write(List<Waiting> batch) {
    Set<String> found;
    try {
      found = write.apply(batch.stream().map(Waiting::key).toList());
    } catch (RuntimeException | Error e) {
      batch.forEach(waiting -> waiting.written().completeExceptionally(e));
      return;
    }
    batch.forEach(waiting -> waiting.written().complete(found.contains(waiting.key())));
  }

  private void failQueued(RuntimeException failure) {
    for (Waiting next; (next = queue.poll()) != null; ) {
      next.written().completeExceptionally(failure);
    }
  }
}

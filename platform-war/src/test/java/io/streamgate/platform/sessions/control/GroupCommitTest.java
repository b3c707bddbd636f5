package io.streamgate.platform.sessions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    writer.shutdownNow();
    callers.shutdownNow();
  }

  private static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private GroupCommit commit(Function<List<String>, Set<String>> write) {
    return new GroupCommit(
        writer,
        keys -> {
          batches.add(keys);
          return write.apply(keys);
        },
        3,
        Unavailable::new);
  }

  @Test
  void answersEachCallerWhetherItsKeyWasFound() {
    GroupCommit commit = commit(keys -> Set.of("a", "b"));

    assertTrue(commit.submit("a", WAIT));
    assertFalse(commit.submit("gone", WAIT));
    assertTrue(commit.submit("b", WAIT));
  }

  @Test
  void callersArrivingDuringAWriteShareTheNextOne() throws Exception {
    CountDownLatch firstWriteStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit =
        commit(
            keys -> {
              firstWriteStarted.countDown();
              await(release);
              return new HashSet<>(keys);
            });
    Future<Boolean> first = callers.submit(() -> commit.submit("first", WAIT));
    firstWriteStarted.await();
    Map<String, Thread> waiting = new ConcurrentHashMap<>();
    List<Future<Boolean>> later = new ArrayList<>();
    for (String key : List.of("k1", "k2", "k3", "k4", "k5")) {
      later.add(
          callers.submit(
              () -> {
                waiting.put(key, Thread.currentThread());
                return commit.submit(key, WAIT);
              }));
    }
    // Each caller has queued its key once it waits for its answer.
    while (waiting.size() < 5
        || waiting.values().stream().anyMatch(t -> t.getState() != Thread.State.TIMED_WAITING)) {
      Thread.onSpinWait();
    }
    release.countDown();

    assertTrue(first.get());
    for (Future<Boolean> answer : later) {
      assertTrue(answer.get());
    }
    assertEquals(List.of("first"), batches.get(0));
    assertEquals(3, batches.size(), "five waiting keys in batches of at most three: " + batches);
    assertEquals(3, batches.get(1).size());
    assertEquals(2, batches.get(2).size());
  }

  @Test
  void aFailedWriteFailsEveryCallerOfItsBatchAndTheNextBatchIsWritten() {
    IllegalStateException failure = new IllegalStateException("database away");
    List<Boolean> fail = new CopyOnWriteArrayList<>(List.of(true));
    GroupCommit commit =
        commit(
            keys -> {
              if (fail.remove(0)) {
                throw failure;
              }
              return Set.copyOf(keys);
            });

    assertSame(failure, assertThrows(IllegalStateException.class, () -> commit.submit("a", WAIT)));
    fail.add(false);
    assertTrue(commit.submit("a", WAIT));
  }

  @Test
  void aCallerWhoseWriteDoesNotFinishInTimeIsAnsweredUnavailable() {
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit =
        commit(
            keys -> {
              await(release);
              return Set.copyOf(keys);
            });

    assertThrows(Unavailable.class, () -> commit.submit("a", Duration.ofMillis(50)));
    release.countDown();
    assertTrue(commit.submit("b", WAIT), "the writer goes on once the slow write ends");
  }

  @Test
  void afterCloseCallersAreAnsweredUnavailableWithoutAWrite() {
    GroupCommit commit = commit(keys -> Set.copyOf(keys));
    commit.close();

    assertThrows(Unavailable.class, () -> commit.submit("a", WAIT));
    assertTrue(batches.isEmpty());
  }

  @Test
  void aWriterThatRefusesTheTaskAnswersUnavailable() {
    GroupCommit commit =
        new GroupCommit(
            task -> {
              throw new RejectedExecutionException("shutting down");
            },
            keys -> Set.copyOf(keys),
            3,
            Unavailable::new);

    assertThrows(Unavailable.class, () -> commit.submit("a", WAIT));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

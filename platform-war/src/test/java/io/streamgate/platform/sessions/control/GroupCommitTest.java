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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<List<String>> batches = new CopyOnWriteArrayList<>();
  private final List<GroupCommit> commits = new ArrayList<>();

  @AfterEach
  void stop() {
    commits.forEach(GroupCommit::close);
    callers.shutdownNow();
  }

  private static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** What the database says when the rows of a batch met another transaction's locks. */
  private static final class Deadlock extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private GroupCommit commit(Function<List<String>, Set<String>> write) {
    GroupCommit commit =
        new GroupCommit(
            Executors.defaultThreadFactory(),
            keys -> {
              batches.add(keys);
              return write.apply(keys);
            },
            Deadlock.class::isInstance,
            3,
            Unavailable::new);
    commits.add(commit);
    return commit;
  }

  @Test
  void answersEachCallerWhetherItsKeyWasFound() {
    GroupCommit commit = commit(keys -> Set.of("a", "b"));

    assertTrue(commit.submit("a", WAIT));
    assertFalse(commit.submit("gone", WAIT));
    assertTrue(commit.submit("b", WAIT));
  }

  @Test
  void callersArrivingDuringAWriteShareTheNextOnes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit = commit(blockingFirstWrite(release, keys -> new HashSet<>(keys)));
    Future<Boolean> first = callers.submit(() -> commit.submit("first", WAIT));
    List<Future<Boolean>> later = queueWhileBlocked(commit, List.of("k1", "k2", "k3", "k4", "k5"));
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
  void aBatchTheDatabaseCannotWriteFailsEachOfItsCallersWithTheSameFailure() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    IllegalStateException away = new IllegalStateException("database away");
    GroupCommit commit =
        commit(
            blockingFirstWrite(
                release,
                keys -> {
                  if (keys.size() > 1) {
                    throw away;
                  }
                  return Set.copyOf(keys);
                }));
    Future<Boolean> first = callers.submit(() -> commit.submit("first", WAIT));
    List<Future<Boolean>> later = queueWhileBlocked(commit, List.of("a", "b"));
    release.countDown();

    assertTrue(first.get());
    for (Future<Boolean> answer : later) {
      assertSame(away, assertThrows(ExecutionException.class, answer::get).getCause());
    }
    assertEquals(2, batches.size(), "not written again key by key: " + batches);
    assertTrue(commit.submit("next", WAIT), "the next batch is written");
  }

  @Test
  void aDeadlockedBatchIsWrittenAgainKeyByKeySoOnlyTheCallerInTheWayFails() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit =
        commit(
            blockingFirstWrite(
                release,
                keys -> {
                  if (keys.contains("locked")) {
                    throw new Deadlock();
                  }
                  return Set.copyOf(keys);
                }));
    Future<Boolean> first = callers.submit(() -> commit.submit("first", WAIT));
    List<Future<Boolean>> later = queueWhileBlocked(commit, List.of("a", "locked", "b"));
    release.countDown();

    assertTrue(first.get());
    assertTrue(later.get(0).get());
    assertTrue(
        assertThrows(ExecutionException.class, later.get(1)::get).getCause() instanceof Deadlock);
    assertTrue(later.get(2).get());
    assertEquals(List.of("a"), batches.get(2));
  }

  @Test
  void aCallerThatStopsWaitingIsAnsweredUnavailableAndItsKeyIsNotWritten() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit = commit(blockingFirstWrite(release, keys -> Set.copyOf(keys)));
    Future<Boolean> first = callers.submit(() -> commit.submit("first", WAIT));
    while (batches.isEmpty()) {
      Thread.onSpinWait();
    }

    assertThrows(Unavailable.class, () -> commit.submit("late", Duration.ofMillis(50)));
    release.countDown();
    assertTrue(first.get());
    assertTrue(commit.submit("next", WAIT), "the writer goes on once the slow write ends");
    assertEquals(List.of(List.of("first"), List.of("next")), batches);
  }

  @Test
  void closingAnswersWaitingCallersUnavailableAndLaterOnesAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    GroupCommit commit = commit(blockingFirstWrite(release, keys -> Set.copyOf(keys)));
    Future<Boolean> first = callers.submit(() -> commit.submit("first", WAIT));
    List<Future<Boolean>> waiting = queueWhileBlocked(commit, List.of("a"));

    commit.close();
    release.countDown();

    assertTrue(first.get(), "the batch being written is answered");
    assertTrue(
        assertThrows(ExecutionException.class, waiting.get(0)::get).getCause()
            instanceof Unavailable);
    assertThrows(Unavailable.class, () -> commit.submit("b", WAIT));
    assertEquals(1, batches.size());
  }

  @Test
  void manyCallersAtOnceAreAllAnsweredByOneWriteAtATime() throws Exception {
    AtomicInteger writing = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    Set<String> known = ConcurrentHashMap.newKeySet();
    GroupCommit commit =
        commit(
            keys -> {
              mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
              Thread.yield();
              writing.decrementAndGet();
              Set<String> found = new HashSet<>(keys);
              found.retainAll(known);
              return found;
            });
    List<Future<?>> rounds = new ArrayList<>();
    for (int caller = 0; caller < 8; caller++) {
      int id = caller;
      rounds.add(
          callers.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  String key = id + "-" + i;
                  boolean isKnown = i % 3 != 0;
                  if (isKnown) {
                    known.add(key);
                  }
                  // A key stranded in the queue would make this wait run out.
                  assertEquals(isKnown, commit.submit(key, Duration.ofSeconds(5)), key);
                }
                return null;
              }));
    }
    for (Future<?> round : rounds) {
      round.get();
    }
    assertEquals(1, mostAtOnce.get(), "writes never overlap");
    assertTrue(batches.size() < 16_000, "some writes carried several keys: " + batches.size());
  }

  /** A write that blocks the first time until {@code release}, then acts as {@code write}. */
  private Function<List<String>, Set<String>> blockingFirstWrite(
      CountDownLatch release, Function<List<String>, Set<String>> write) {
    AtomicInteger calls = new AtomicInteger();
    return keys -> {
      if (calls.getAndIncrement() == 0) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      return write.apply(keys);
    };
  }

  /**
   * Submits each key from its own thread, in this order, while the first write is blocked (it must
   * have begun); returns once every caller has queued its key and waits.
   */
  private List<Future<Boolean>> queueWhileBlocked(GroupCommit commit, List<String> keys) {
    while (batches.isEmpty()) {
      Thread.onSpinWait();
    }
    List<Future<Boolean>> answers = new ArrayList<>();
    for (String key : keys) {
      Map<String, Thread> waiting = new ConcurrentHashMap<>();
      answers.add(
          callers.submit(
              () -> {
                waiting.put(key, Thread.currentThread());
                return commit.submit(key, WAIT);
              }));
      // One at a time, so that the queue holds the keys in the order given.
      while (waiting.isEmpty() || waiting.get(key).getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
    }
    return answers;
  }
}

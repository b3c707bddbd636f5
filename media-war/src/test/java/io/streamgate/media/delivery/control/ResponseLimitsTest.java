package io.streamgate.media.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.media.MovableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResponseLimitsTest {

  private static final int MB = 1024 * 1024;

  private final MovableClock clock = new MovableClock();
  private ResponseLimits limits = limits(2000, 160);

  @Test
  void oneSessionGetsEightResponsesAtOnceOthersAreUnaffected() throws Exception {
    List<ResponseLimits.Response> open = new ArrayList<>();
    for (int i = 0; i < ResponseLimits.PER_SESSION; i++) {
      open.add(limits.admit("viewer-1"));
    }
    ResponsesBusyException refused =
        assertThrows(ResponsesBusyException.class, () -> limits.admit("viewer-1"));
    assertEquals(ResponseLimits.Refusal.SESSION, refused.reason());
    limits.admit("viewer-2").close();

    open.get(0).close();
    open.get(0).close(); // twice frees one place, not two
    open.add(limits.admit("viewer-1"));
    assertThrows(ResponsesBusyException.class, () -> limits.admit("viewer-1"));
    open.forEach(ResponseLimits.Response::close);
    assertEquals(0, limits.count());
  }

  @Test
  void aTokenWithHundredsOfSlowConnectionsHoldsEightOfThem() {
    int admitted = 0;
    for (int i = 0; i < 300; i++) {
      try {
        ResponseLimits.Response response = limits.admit("attacker");
        assertTrue(response.hold(new byte[8 * MB], 8 * MB));
        admitted++;
      } catch (ResponsesBusyException e) {
        assertEquals(ResponseLimits.Refusal.SESSION, e.reason());
      }
    }
    assertEquals(ResponseLimits.PER_SESSION, admitted);
    assertEquals(64L * MB, limits.heldBytes());
  }

  @Test
  void theTotalIsBoundedAcrossSessions() throws Exception {
    ResponseLimits small = limits(3, 160);
    for (int i = 0; i < 3; i++) {
      small.admit("viewer-" + i);
    }
    ResponsesBusyException refused =
        assertThrows(ResponsesBusyException.class, () -> small.admit("viewer-9"));
    assertEquals(ResponseLimits.Refusal.TOTAL, refused.reason());
    assertThrows(ResponsesBusyException.class, () -> small.admit(null), "probes count too");
  }

  @Test
  void manySessionsWithSlowResponsesCannotHoldMoreThanTheMemoryBudget() throws Exception {
    int held = 0;
    int refused = 0;
    List<ResponseLimits.Response> responses = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      ResponseLimits.Response response = limits.admit("viewer-" + i);
      responses.add(response);
      // Every one a different 8 MB file: nothing shared.
      if (response.hold(new Object(), 8 * MB)) {
        held++;
      } else {
        refused++;
      }
    }
    assertEquals(20, held, "160 MB / 8 MB");
    assertEquals(280, refused);
    assertEquals(160L * MB, limits.heldBytes());

    responses.get(0).close();
    ResponseLimits.Response next = limits.admit("viewer-next");
    assertTrue(next.hold(new Object(), 8 * MB), "a place freed is a place taken");
    responses.forEach(ResponseLimits.Response::close);
    next.close();
    assertEquals(0, limits.heldBytes());
  }

  @Test
  void aFileManyViewersFetchAtOnceCountsOnce() throws Exception {
    byte[] segment = new byte[3 * MB];
    List<ResponseLimits.Response> responses = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ResponseLimits.Response response = limits.admit("viewer-" + i);
      assertTrue(response.hold(segment, segment.length));
      responses.add(response);
    }
    assertEquals(3L * MB, limits.heldBytes());
    responses.subList(0, 999).forEach(ResponseLimits.Response::close);
    assertEquals(3L * MB, limits.heldBytes(), "still sent by one");
    responses.get(999).close();
    assertEquals(0, limits.heldBytes());
  }

  @Test
  void playlistsAndTinyFilesAreNotCounted() throws Exception {
    ResponseLimits.Response response = limits.admit("viewer");
    assertTrue(response.hold(new byte[4096], 4096));
    assertEquals(0, limits.heldBytes());
  }

  @Test
  void aBodyLargerThanTheWholeBudgetStillGoesOutAlone() throws Exception {
    ResponseLimits tiny = limits(2000, 1);
    ResponseLimits.Response first = tiny.admit("a");
    assertTrue(first.hold(new Object(), 8 * MB));
    assertFalse(tiny.admit("b").hold(new Object(), 8 * MB));
    first.close();
    assertTrue(tiny.admit("c").hold(new Object(), 8 * MB));
  }

  @Test
  void aReaderBelowTheMinimumRateIsEndedAndItsMemoryFreed() throws Exception {
    AtomicInteger slowEnded = new AtomicInteger();
    AtomicInteger fastEnded = new AtomicInteger();
    AtomicInteger originEnded = new AtomicInteger();
    ResponseLimits.Response slow = started(slowEnded);
    ResponseLimits.Response fast = started(fastEnded);
    ResponseLimits.Response waitingForOrigin = started(originEnded);
    waitingForOrigin.waitingForReader(false);
    long perStep = ResponseLimits.MIN_BYTES_PER_SECOND * 5;

    for (int step = 0; step < 12; step++) { // a minute, swept every 5 s
      clock.move(Duration.ofSeconds(5));
      slow.sent(perStep / 2); // half the minimum rate
      fast.sent(perStep);
      limits.sweep();
    }
    assertEquals(1, slowEnded.get(), "ended once");
    assertEquals(0, fastEnded.get());
    assertEquals(0, originEnded.get(), "waiting for the origin is not the reader's fault");
    assertEquals(2, limits.count());
    assertEquals(2L * 8 * MB, limits.heldBytes());
    assertEquals(1, limits.endedSlow());
  }

  @Test
  void aStalledReaderIsEndedWithinTwiceTheSlowPeriodAndASweep() throws Exception {
    assertEquals(Duration.ofSeconds(5), limits.sweepEvery());
    assertTrue(stalledUntilEnded().compareTo(Duration.ofSeconds(45)) <= 0);
  }

  @Test
  void aShortSlowReaderTimeIsSweptOftenEnoughToHoldIt() throws Exception {
    limits = new ResponseLimits(10, 100, Duration.ofSeconds(4), clock);
    assertEquals(Duration.ofSeconds(1), limits.sweepEvery());
    assertTrue(stalledUntilEnded().compareTo(Duration.ofSeconds(9)) <= 0);
  }

  /** How long a reader that took the first megabyte, then nothing, stays before it is ended. */
  private Duration stalledUntilEnded() throws Exception {
    AtomicInteger ended = new AtomicInteger();
    started(ended).sent(MB); // the first chunk went into buffers, then nothing more
    Duration waited = Duration.ZERO;
    while (ended.get() == 0 && waited.compareTo(Duration.ofMinutes(2)) < 0) {
      clock.move(limits.sweepEvery());
      waited = waited.plus(limits.sweepEvery());
      limits.sweep();
    }
    assertEquals(1, ended.get(), "ended after " + waited);
    assertEquals(0, limits.count());
    return waited;
  }

  private ResponseLimits.Response started(AtomicInteger ended) throws ResponsesBusyException {
    ResponseLimits.Response response = limits.admit("viewer-" + System.nanoTime());
    assertTrue(response.hold(new Object(), 8 * MB));
    response.whenTooSlow(ended::incrementAndGet);
    response.waitingForReader(true);
    return response;
  }

  private ResponseLimits limits(int total, long memoryMb) {
    return new ResponseLimits(total, memoryMb, Duration.ofSeconds(20), clock);
  }
}

package io.streamgate.media.sharing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.media.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two media members, each with its own {@link ClientSightings}, exchanging {@link MemberSightings}
 * batches once a second as the grid map would, delivered {@link #DELAY} after each batch.
 */
class CrossMemberSightingsTest {

  private static final String SID = "8d5a8e1c-0f2e-4a8e-9d8c-1d1c2b3a4f5e";
  private static final String EID = "event-1";
  private static final String PHONE = "203.0.113.10";
  private static final String TABLET = "198.51.100.20";
  private static final String MOBILE = "192.0.2.30";

  /** From a batch being written to the other member reading it. */
  private static final Duration DELAY = Duration.ofMillis(400);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T06:00:00Z"));
  private final Member one = new Member();
  private final Member two = new Member();
  private final List<Delivery> inFlight = new ArrayList<>();
  private long nextFlush = clock.millis() + 1000;
  private int verdict;

  private record Delivery(long due, Member to, Map<String, String> batches) {}

  private final class Member {
    final ClientSightings sightings = new ClientSightings(clock);
    final MemberSightings outbox = new MemberSightings();

    void fetch(String client, int n) {
      ClientSightings.Position position = ClientSightings.Position.of(segment(n));
      verdict = Math.max(verdict, sightings.saw(SID, client, position));
      outbox.saw(SID, EID, client, position, clock.millis());
    }

    void receive(Map<String, String> batches) {
      batches.forEach(
          (sid, text) -> {
            MemberSightings.Batch batch = MemberSightings.decode(text);
            assertEquals(EID, batch.eventId());
            for (MemberSightings.Sighting sighting : batch.sightings()) {
              verdict =
                  Math.max(
                      verdict,
                      sightings.sawElsewhere(
                          sid, sighting.client(), sighting.position(), sighting.at()));
            }
          });
    }
  }

  private static String segment(int n) {
    return String.format("720p/seg_%03d.ts", n);
  }

  /** Moves time on in 100 ms steps, flushing each member once a second and delivering batches. */
  private void pass(Duration duration) {
    long end = clock.millis() + duration.toMillis();
    while (clock.millis() < end) {
      clock.move(Duration.ofMillis(100));
      long now = clock.millis();
      if (now >= nextFlush) {
        nextFlush += 1000;
        inFlight.add(new Delivery(now + DELAY.toMillis(), two, one.outbox.drain()));
        inFlight.add(new Delivery(now + DELAY.toMillis(), one, two.outbox.drain()));
      }
      inFlight.removeIf(
          delivery -> {
            if (delivery.due() > now) {
              return false;
            }
            delivery.to().receive(delivery.batches());
            return true;
          });
    }
  }

  @Test
  void twoDevicesEachOnItsOwnMemberAreSharing() {
    for (int n = 0; n < 20 && verdict == 0; n++) {
      one.fetch(PHONE, n);
      pass(Duration.ofMillis(300));
      two.fetch(TABLET, n);
      pass(Duration.ofMillis(1700));
    }
    assertEquals(2, verdict);
  }

  @Test
  void twoDevicesAtDifferentPlacesEachOnItsOwnMemberAreSharing() {
    for (int n = 0; n < 20 && verdict == 0; n++) {
      one.fetch(PHONE, 100 + n);
      pass(Duration.ofMillis(1000));
      two.fetch(TABLET, n);
      pass(Duration.ofMillis(1000));
    }
    assertEquals(2, verdict);
  }

  @Test
  void withoutTheExchangeEachMemberSeesOneClient() {
    // What each member saw alone before members shared their sightings.
    ClientSightings alone1 = new ClientSightings(clock);
    ClientSightings alone2 = new ClientSightings(clock);
    int seen = 0;
    for (int n = 0; n < 20; n++) {
      seen = Math.max(seen, alone1.saw(SID, PHONE, segment(n)));
      clock.move(Duration.ofMillis(300));
      seen = Math.max(seen, alone2.saw(SID, TABLET, segment(n)));
      clock.move(Duration.ofMillis(1700));
    }
    assertEquals(0, seen);
  }

  @Test
  void oneDeviceRoundRobinedOverTwoMembersIsNotSharing() {
    for (int n = 0; n < 90; n++) {
      (n % 2 == 0 ? one : two).fetch(PHONE, n);
      pass(Duration.ofMillis(n % 5 == 0 ? 300 : 2000));
    }
    assertEquals(0, verdict);
  }

  @Test
  void oneDeviceSwitchingNetworksWhileItsRequestsAlternateMembersIsNotSharing() {
    for (int cut = 0; cut < 6; cut++) {
      String from = cut % 2 == 0 ? PHONE : MOBILE;
      int first = cut * 15;
      // The new address fetches again the segment the old one was cut off in, then goes on.
      for (int n = first; n <= first + 15; n++) {
        (n % 2 == 0 ? one : two).fetch(from, n);
        pass(Duration.ofMillis(n == first ? 200 : 2000));
      }
    }
    assertEquals(0, verdict);
  }

  @Test
  void aDeviceSwitchingNetworksRightAfterAFastStartIsNotSharing() {
    // Start-up fetches three segments a second; the old address's last ones arrive late.
    for (int n = 0; n < 6; n++) {
      (n % 2 == 0 ? one : two).fetch(PHONE, n);
      pass(Duration.ofMillis(300));
    }
    for (int n = 5; n < 40; n++) {
      (n % 2 == 0 ? one : two).fetch(MOBILE, n);
      pass(Duration.ofMillis(n < 8 ? 300 : 2000));
    }
    assertEquals(0, verdict);
  }

  @Test
  void lateAndRepeatedBatchesAddNothing() {
    List<Map<String, String>> sent = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      (n % 2 == 0 ? one : two).fetch(PHONE, n);
      clock.move(Duration.ofSeconds(1));
      sent.add(two.outbox.drain());
      one.receive(sent.get(sent.size() - 1));
      one.outbox.drain();
      clock.move(Duration.ofSeconds(1));
      // Every batch so far again, oldest first, as a member that rejoined might replay them.
      if (n % 10 == 9) {
        sent.forEach(one::receive);
      }
    }
    assertEquals(0, verdict);
  }

  @Test
  void aBatchFromLongAgoIsIgnored() {
    two.fetch(TABLET, 5);
    Map<String, String> old = two.outbox.drain();
    clock.move(ClientSightings.ACTIVE.plusSeconds(1));
    one.receive(old);
    assertEquals(0, one.sightings.size());
  }

  @Test
  void aBatchKeepsEachClientsLatestPositionPerTrackAndReadsBack() {
    MemberSightings outbox = new MemberSightings();
    ClientSightings.Position three = ClientSightings.Position.of(segment(3));
    ClientSightings.Position four = ClientSightings.Position.of(segment(4));
    outbox.saw(SID, EID, "2001:db8:1:2::/64", three, 1000);
    outbox.saw(SID, EID, "2001:db8:1:2::/64", four, 2000);
    outbox.saw(SID, EID, "bad\tclient", four, 2000);
    Map<String, String> batches = outbox.drain();
    MemberSightings.Batch batch = MemberSightings.decode(batches.get(SID));
    assertEquals(
        List.of(new MemberSightings.Sighting("2001:db8:1:2::/64", four, 2000)), batch.sightings());
    assertTrue(outbox.drain().isEmpty());
    assertTrue(MemberSightings.decode("e\nnot a line\na\tb\tc\td").sightings().isEmpty());
  }
}

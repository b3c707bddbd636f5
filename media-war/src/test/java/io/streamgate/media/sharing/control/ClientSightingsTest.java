package io.streamgate.media.sharing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.streamgate.media.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientSightingsTest {

  private static final String SID = "8d5a8e1c-0f2e-4a8e-9d8c-1d1c2b3a4f5e";
  private static final String WIFI = "203.0.113.10";
  private static final String MOBILE = "198.51.100.20";
  private static final String V4 = "192.0.2.33";
  private static final String V6 = ClientKeys.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd");

  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T06:00:00Z"));
  private final ClientSightings sightings = new ClientSightings(clock);

  /** One player: a segment of each track every 2 s, from the address {@code from} gives. */
  private int play(int first, int last, java.util.function.IntFunction<String> from) {
    int verdict = 0;
    for (int n = first; n <= last; n++) {
      verdict = Math.max(verdict, sightings.saw(SID, from.apply(n), "720p/index.m3u8"));
      verdict = Math.max(verdict, sightings.saw(SID, from.apply(n), segment(n)));
      clock.move(Duration.ofSeconds(2));
    }
    return verdict;
  }

  private static String segment(int n) {
    return String.format("720p/seg_%03d.ts", n);
  }

  @Test
  void twoDevicesFollowingTheSameSequenceAtOnceAreSharing() {
    int verdict = 0;
    for (int n = 0; n < 10 && verdict == 0; n++) {
      verdict = Math.max(verdict, sightings.saw(SID, WIFI, segment(n)));
      clock.move(Duration.ofMillis(300));
      verdict = Math.max(verdict, sightings.saw(SID, MOBILE, segment(n)));
      clock.move(Duration.ofMillis(1700));
    }
    assertEquals(2, verdict);
  }

  @Test
  void twoDevicesAtDifferentPlacesOfARecordingAreSharing() {
    int verdict = 0;
    for (int n = 0; n < 10 && verdict == 0; n++) {
      verdict = Math.max(verdict, sightings.saw(SID, WIFI, segment(100 + n)));
      clock.move(Duration.ofSeconds(1));
      verdict = Math.max(verdict, sightings.saw(SID, MOBILE, segment(n)));
      clock.move(Duration.ofSeconds(1));
    }
    assertEquals(2, verdict);
  }

  @Test
  void sharingIsReportedOnce() {
    twoDevicesFollowingTheSameSequenceAtOnceAreSharing();
    for (int n = 10; n < 20; n++) {
      assertEquals(0, sightings.saw(SID, WIFI, segment(n)));
      assertEquals(0, sightings.saw(SID, MOBILE, segment(n)));
      clock.move(Duration.ofSeconds(2));
    }
  }

  @Test
  void aPhoneMovingFromWifiToMobileDataIsNotSharing() {
    assertEquals(0, play(0, 20, n -> WIFI));
    // Cut off while fetching segment 20: mobile data fetches it again, then goes on.
    assertEquals(0, play(20, 40, n -> MOBILE));
  }

  @Test
  void aPhoneMovingBackAndForthAfterEachCutIsNotSharing() {
    assertEquals(0, play(0, 10, n -> WIFI));
    assertEquals(0, play(10, 20, n -> MOBILE));
    assertEquals(0, play(20, 30, n -> WIFI));
    assertEquals(0, play(30, 40, n -> MOBILE));
  }

  @Test
  void aDualStackDeviceAlternatingItsAddressesIsNotSharing() {
    assertEquals(0, play(0, 60, n -> n % 2 == 0 ? V4 : V6));
    assertEquals(0, play(61, 120, n -> n % 3 == 0 ? V4 : V6));
  }

  @Test
  void aDualStackDeviceThatSeeksBackIsNotSharing() {
    assertEquals(0, play(0, 30, n -> n % 2 == 0 ? V4 : V6));
    assertEquals(0, play(5, 30, n -> n < 15 ? V6 : V4));
    assertEquals(0, play(0, 30, n -> n % 2 == 0 ? V4 : V6));
  }

  @Test
  void aDualStackDeviceWithSeparateAudioAndVideoIsNotSharing() {
    for (int n = 0; n < 60; n++) {
      assertEquals(0, sightings.saw(SID, V4, segment(n)));
      assertEquals(0, sightings.saw(SID, V6, String.format("audio/seg_%03d.ts", n)));
      clock.move(Duration.ofSeconds(2));
    }
  }

  @Test
  void aDeviceThatRetriesSomeSegmentsOnItsOtherAddressIsNotSharing() {
    // Happy eyeballs: now and then a fetch fails on IPv6 and is repeated on IPv4.
    int verdict = 0;
    for (int n = 0; n < 60; n++) {
      verdict = Math.max(verdict, sightings.saw(SID, V6, segment(n)));
      if (n % 10 == 0) {
        clock.move(Duration.ofMillis(500));
        verdict = Math.max(verdict, sightings.saw(SID, V4, segment(n)));
      }
      clock.move(Duration.ofSeconds(2));
    }
    assertEquals(0, verdict);
  }

  @Test
  void moreClientsAtOnceThanASessionRemembersAreSharing() {
    // Ten devices taking turns: each pushes out one that is still fetching.
    int verdict = 0;
    for (int n = 0; n < 4 && verdict == 0; n++) {
      for (int device = 0; device < 10 && verdict == 0; device++) {
        verdict = sightings.saw(SID, "198.51.100." + device, segment(n));
        clock.move(Duration.ofMillis(100));
      }
    }
    assertEquals(ClientSightings.MAX_CLIENTS + 1, verdict);
  }

  @Test
  void manyAddressesOneAfterTheOtherAreNotSharing() {
    // A phone that changes network again and again, each address silent before the next.
    for (int n = 0; n < 60; n++) {
      assertEquals(0, sightings.saw(SID, "198.51.100." + n, segment(n)));
      clock.move(ClientSightings.ACTIVE.plusSeconds(1));
    }
  }

  @Test
  void manyClientsOfOneAddressAreOneClient() {
    // Test clients and a browser's several connections share the token from one address.
    for (int n = 0; n < 30; n++) {
      for (int copy = 0; copy < 3; copy++) {
        assertEquals(0, sightings.saw(SID, WIFI, segment(n)));
      }
      clock.move(Duration.ofSeconds(1));
    }
  }

  @Test
  void evidenceOlderThanTheWindowDoesNotCount() {
    // Three cuts of a flapping connection, each more than two minutes apart.
    int verdict = 0;
    for (int cut = 0; cut < 4; cut++) {
      String from = cut % 2 == 0 ? WIFI : MOBILE;
      String to = cut % 2 == 0 ? MOBILE : WIFI;
      int at = cut * 100;
      verdict = Math.max(verdict, play(at, at + 70, n -> from));
      verdict = Math.max(verdict, sightings.saw(SID, to, segment(at + 70)));
    }
    assertEquals(0, verdict);
  }

  @Test
  void anIdleSessionIsForgotten() {
    sightings.saw(SID, WIFI, segment(1));
    clock.move(ClientSightings.WINDOW.plusSeconds(1));
    sightings.forgetIdle();
    assertEquals(0, sightings.size());
  }

  @Test
  void playlistsAndFilesWithoutANumberHaveNoPosition() {
    assertNull(ClientSightings.Position.of("720p/index.m3u8"));
    assertNull(ClientSightings.Position.of("720p/init_0.mp4"));
    assertNull(ClientSightings.Position.of("720p/key.vtt"));
    assertEquals(
        new ClientSightings.Position("720p/seg_#.ts", 3),
        ClientSightings.Position.of("720p/seg_003.ts"));
    assertEquals(
        new ClientSightings.Position("a1/part#-x.m4s", 12),
        ClientSightings.Position.of("a1/part12-x.m4s"));
  }

  @Test
  void ipv6AddressesOfOneNetworkAreOneClient() {
    assertEquals(V6, ClientKeys.of("2001:db8:1:2::1"));
    assertEquals("192.0.2.1", ClientKeys.of("::ffff:192.0.2.1"));
    assertEquals(WIFI, ClientKeys.of(WIFI));
  }
}

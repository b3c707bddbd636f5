package io.streamgate.common.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

  @Test
  void withoutTrustedProxiesTheHeaderIsIgnored() {
    ClientAddresses addresses = new ClientAddresses("");
    assertEquals("198.51.100.7", addresses.clientOf("198.51.100.7", "203.0.113.1"));
  }

  @Test
  void aTrustedProxyNamesTheClientAtTheRightOfTheHeader() {
    ClientAddresses addresses = new ClientAddresses("10.0.0.0/8, 127.0.0.1");
    assertEquals("203.0.113.1", addresses.clientOf("10.1.2.3", "203.0.113.1"));
    assertEquals("203.0.113.1", addresses.clientOf("127.0.0.1", "203.0.113.1, 10.9.9.9"));
  }

  @Test
  void forgedEntriesLeftOfTheRealClientAreNeverBelieved() {
    ClientAddresses addresses = new ClientAddresses("127.0.0.1");
    assertEquals("198.51.100.9", addresses.clientOf("127.0.0.1", "1.2.3.4, 198.51.100.9"));
    assertEquals("198.51.100.9", addresses.clientOf("127.0.0.1", "forged, 198.51.100.9"));
  }

  @Test
  void onlyATrustedProxyCanSayTheClientUsedHttps() {
    ClientAddresses addresses = new ClientAddresses("10.0.0.1");
    assertEquals("https", addresses.forwardedProto("10.0.0.1", "https"));
    assertEquals("https", addresses.forwardedProto("10.0.0.1", "https, http"));
    assertEquals("", addresses.forwardedProto("10.0.0.2", "https"));
    assertEquals("", addresses.forwardedProto("10.0.0.1", null));
  }

  @Test
  void anUntrustedSenderCannotSpeakForOthers() {
    ClientAddresses addresses = new ClientAddresses("10.0.0.1");
    assertEquals("10.0.0.2", addresses.clientOf("10.0.0.2", "203.0.113.1"));
  }

  @Test
  void garbageInTheHeaderStopsTheWalk() {
    ClientAddresses addresses = new ClientAddresses("127.0.0.1");
    assertEquals("127.0.0.1", addresses.clientOf("127.0.0.1", "not-an-ip"));
    assertEquals("127.0.0.1", addresses.clientOf("127.0.0.1", "evil.example.com"));
  }

  @Test
  void theQuickIpv4ParseAgreesWithTheGeneralOne() throws Exception {
    for (String literal :
        new String[] {
          "0.0.0.0", "1.2.3.4", "10.0.0.1", "127.0.0.1", "198.51.100.255", "255.255.255.255"
        }) {
      assertArrayEquals(
          java.net.InetAddress.getByName(literal).getAddress(),
          ClientAddresses.parse(literal).orElseThrow(),
          literal);
    }
    for (String notAnAddress :
        new String[] {"256.1.1.1", "1.2.3.4.5", "1..2.3", "1.2.3.", ".1.2.3", "1.2.3.4 "}) {
      assertTrue(ClientAddresses.parse(notAnAddress).isEmpty(), notAnAddress);
    }
  }

  @Test
  void ipv6RangesWork() {
    ClientAddresses addresses = new ClientAddresses("::1, fd00::/8");
    assertEquals("2001:db8::1", addresses.clientOf("fd12::5", "2001:db8::1"));
    assertEquals("2001:db8::1", addresses.clientOf("0:0:0:0:0:0:0:1", "2001:db8::1"));
  }

  @Test
  void malformedSettingsAreRefusedWithTheSettingNamed() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses("10.0.0.0/33"));
    assertEquals(
        "TRUSTED_PROXIES must list IP addresses or CIDR ranges, got '10.0.0.0/33'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ClientAddresses("proxy.local"));
  }

  @Test
  void shortOrOddSpellingsOfIpv4AreNoAddresses() {
    for (String odd :
        new String[] {"1.2.3", "10", "1.2.3.4.5", "01.2.3.4", "1.2.3.256", "0x7f.0.0.1"}) {
      assertTrue(ClientAddresses.parse(odd).isEmpty(), odd);
    }
    assertTrue(ClientAddresses.parse("203.0.113.7").isPresent());
    assertTrue(ClientAddresses.parse("2001:db8::1").isPresent());
    assertTrue(ClientAddresses.parse("::ffff:203.0.113.7").isPresent());
  }
}

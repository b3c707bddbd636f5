package io.streamgate.media.quality.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CmcdTest {

  @Test
  void readsWhatHlsJsSends() {
    Cmcd data =
        Cmcd.parse(
            "bl=21300,br=3200,bs,cid=\"demo\",d=6000,mtp=48100,ot=v,sf=h,"
                + "sid=\"6e2fb550-c457-11e9-bb97-0800200c9a66\",st=v,su,tb=6000");
    assertEquals(new Cmcd(48100, 3200, 21300, true, true), data);
  }

  @Test
  void implausibleMalformedOrOverlongDataIsIgnored() {
    assertEquals(
        new Cmcd(0, 0, -1, false, false),
        Cmcd.parse("mtp=99999999999,br=-5,bl=1e9,bs=maybe,su=no"));
    assertEquals(new Cmcd(0, 1200, -1, false, false), Cmcd.parse("br=1200,mtp=abc,bl="));
    assertEquals(Cmcd.NONE, Cmcd.parse("mtp=1000," + "x".repeat(Cmcd.MAX_LENGTH)));
    assertEquals(Cmcd.NONE, Cmcd.parse(null));
    assertEquals(Cmcd.NONE, Cmcd.parse(""));
  }
}

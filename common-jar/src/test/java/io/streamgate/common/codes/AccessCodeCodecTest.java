package io.streamgate.common.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessCodeCodecTest {

  private final AccessCodeCodec codec = new AccessCodeCodec();

  @Test
  void generatedCodesAreTwelveAlphabetCharactersAndCanonical() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = codec.generate();
      assertEquals(12, code.length());
      assertTrue(AccessCodeCodec.isCanonical(code), code);
      seen.add(code);
    }
    assertEquals(10_000, seen.size(), "59 bits of entropy make a collision in 10k codes absurd");
  }

  @Test
  void alphabetHasNoLookAlikes() {
    for (char c : "0O1IL".toCharArray()) {
      assertFalse(AccessCodeCodec.ALPHABET.indexOf(c) >= 0, "look-alike " + c);
    }
    assertEquals(31, AccessCodeCodec.ALPHABET.chars().distinct().count());
  }

  @Test
  void everySymbolIsEquallyLikely() {
    // 31 symbols, 12 per code, 31,000 codes: 12,000 expected draws per symbol. A chi-square
    // statistic above 80 (30 degrees of freedom, p < 1e-5) would mean a biased draw.
    AccessCodeCodec seeded = new AccessCodeCodec(new SplittableRandom(42));
    int[] counts = new int[128];
    int codes = 31_000;
    for (int i = 0; i < codes; i++) {
      for (char c : seeded.generate().toCharArray()) {
        counts[c]++;
      }
    }
    double expected = codes * 12.0 / 31;
    double chiSquare = 0;
    for (char c : AccessCodeCodec.ALPHABET.toCharArray()) {
      chiSquare += Math.pow(counts[c] - expected, 2) / expected;
    }
    assertTrue(chiSquare < 80, "chi-square " + chiSquare);
  }

  @Test
  void normaliseAcceptsWhatPeopleType() {
    assertEquals(Optional.of("ABCD2345WXYZ"), AccessCodeCodec.normalise("  abcd-2345-wxyz "));
    assertEquals(Optional.of("ABCD2345WXYZ"), AccessCodeCodec.normalise("ABCD 2345 WXYZ"));
    assertEquals(Optional.of("ABCD2345WXYZ"), AccessCodeCodec.normalise("abcd2345wxyz"));
    assertEquals(Optional.of("ABCD2345WXYZ"), AccessCodeCodec.normalise("A-B-C-D-2-3-4-5-W-X-Y-Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "ABCD2345WXY",
        "ABCD2345WXYZA",
        "ABCD2345WXY0",
        "ABCD2345WXYO",
        "ABCD2345WXYI",
        "ABCD2345WXYL",
        "ABCD2345WXY1",
        "ABCD_2345_WXYZ",
        "ABCD2345WXYÄ",
        "'; DROP TABLE x",
      })
  void normaliseRejectsWhatCannotBeACode(String typed) {
    assertEquals(Optional.empty(), AccessCodeCodec.normalise(typed));
  }

  @Test
  void normaliseRejectsNullAndHugeInputBeforeLookingAtIt() {
    assertEquals(Optional.empty(), AccessCodeCodec.normalise(null));
    assertEquals(Optional.empty(), AccessCodeCodec.normalise("-".repeat(65)));
  }

  @Test
  void displayGroupsByFour() {
    assertEquals("ABCD-2345-WXYZ", AccessCodeCodec.display("abcd2345wxyz"));
    assertThrows(IllegalArgumentException.class, () -> AccessCodeCodec.display("nope"));
  }

  @Test
  void entropyIsDocumented() {
    assertEquals(59.45, AccessCodeCodec.entropyBits(), 0.01);
  }
}

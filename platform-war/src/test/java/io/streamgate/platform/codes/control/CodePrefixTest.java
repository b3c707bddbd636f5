package io.streamgate.platform.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.codes.control.CodeQueries.CodePrefix;
import org.junit.jupiter.api.Test;

/** A typed start of a code becomes the range of codes that begin with it, and nothing else. */
class CodePrefixTest {

  @Test
  void theRangeEndsAtTheNextPrefixInTheCodeAlphabet() {
    assertEquals(new CodePrefix("AB3", "AB4"), CodePrefix.of("ab3").orElseThrow());
    assertEquals(new CodePrefix("AB9", "ABA"), CodePrefix.of("AB9").orElseThrow(), "9 then A");
    assertEquals(new CodePrefix("ABZ", "AC"), CodePrefix.of("ABZ").orElseThrow(), "carry");
    assertEquals(new CodePrefix("ZZ", null), CodePrefix.of("ZZ").orElseThrow(), "open end");
  }

  @Test
  void dashesSpacesAndCaseAreIgnored() {
    assertEquals("ABCD2345", CodePrefix.of(" abcd-2345 ").orElseThrow().from());
    assertEquals("ABCD2345WXYZ", CodePrefix.of("ABCD 2345 WXYZ").orElseThrow().from());
  }

  @Test
  void textThatNoCodeCanStartWithIsNoCodePrefix() {
    assertTrue(CodePrefix.of("row a").isEmpty(), "O is not in the alphabet");
    assertTrue(CodePrefix.of("VIP").isEmpty(), "nor is I");
    assertTrue(CodePrefix.of("%").isEmpty());
    assertTrue(CodePrefix.of("---").isEmpty());
    assertTrue(CodePrefix.of("ABCD2345WXYZ2").isEmpty(), "longer than a code");
  }
}

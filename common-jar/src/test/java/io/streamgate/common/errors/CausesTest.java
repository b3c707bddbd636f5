package io.streamgate.common.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CausesTest {

  @Test
  void theChainIsOutermostFirstAndFindTakesTheOutermostOfAType() {
    IOException inner = new IOException("inner");
    IOException outer = new IOException("outer", inner);
    RuntimeException top = new RuntimeException(outer);
    assertEquals(List.of(top, outer, inner), Causes.of(top));
    assertSame(outer, Causes.find(top, IOException.class).orElseThrow());
    assertTrue(Causes.find(top, TimeoutException.class).isEmpty());
  }

  @Test
  void theInnermostCauseSaysItsFirstLine() {
    Exception failure =
        new RuntimeException("wrapper", new IllegalStateException("  refused\n  at the socket"));
    assertEquals("refused", Causes.firstLine(Causes.innermost(failure)));
    assertEquals("java.lang.IllegalStateException", Causes.firstLine(new IllegalStateException()));
  }

  @Test
  void aCauseThatLoopsBackEndsTheChain() {
    Exception first = new Exception("first");
    Exception second = new Exception("second", first);
    first.initCause(second);
    assertEquals(List.of(first, second), Causes.of(first));
  }
}

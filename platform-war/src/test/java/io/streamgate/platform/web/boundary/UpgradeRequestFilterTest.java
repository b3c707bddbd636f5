package io.streamgate.platform.web.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class UpgradeRequestFilterTest {

  /**
   * What Grizzly hands up for an upgrade request: the body, then whatever follows on the
   * connection, and no end (here the bytes after the body stand for that).
   */
  private static ServletInputStream raw(String bytes) {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes.getBytes(UTF_8));
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public boolean isFinished() {
        return false;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {}
    };
  }

  @Test
  void theBodyEndsAfterItsDeclaredLength() throws IOException {
    var body = new UpgradeRequestFilter.BoundedInputStream(raw("{\"code\":\"x\"}MORE"), 12);
    assertArrayEquals("{\"code\":\"x\"}".getBytes(UTF_8), body.readAllBytes());
    assertEquals(-1, body.read());
    assertTrue(body.isFinished());
  }

  @Test
  void singleByteReadsStopAtTheLengthToo() throws IOException {
    var body = new UpgradeRequestFilter.BoundedInputStream(raw("ab..."), 2);
    assertFalse(body.isFinished());
    assertEquals('a', body.read());
    assertEquals('b', body.read());
    assertEquals(-1, body.read());
  }

  @Test
  void aBodyShorterThanDeclaredEndsWhereTheStreamEnds() throws IOException {
    var body = new UpgradeRequestFilter.BoundedInputStream(raw("abc"), 10);
    assertArrayEquals("abc".getBytes(UTF_8), body.readAllBytes());
    assertTrue(body.isFinished());
  }
}

package io.streamgate.media.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.media.MovableClock;
import io.streamgate.media.delivery.control.ResponseLimits;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payara copies whatever a write hands it into the connection's queue when the reader takes
 * nothing, so a sender writes one modest chunk, then waits for {@code onWritePossible}. Here the
 * connection takes one write and is then not ready until the test says so, as for a reader that
 * stalls.
 */
class SenderPacingTest {

  private static final int BODY = 8 * 1024 * 1024;

  @TempDir Path folder;

  private final ResponseLimits limits =
      new ResponseLimits(10, 1000, Duration.ofSeconds(20), new MovableClock());
  private final List<Integer> writes = new ArrayList<>();
  private WriteListener listener;
  private boolean ready = true;
  private int completions;

  @Test
  void bytesGoOutOneModestChunkPerReadyConnection() throws Exception {
    byte[] body = new byte[BODY];
    new BytesSender(async(), body, 0, body.length, limits.admit("viewer")).start();
    assertPaced();
  }

  @Test
  void aFileGoesOutOneModestChunkPerReadyConnection() throws Exception {
    Path path = Files.write(folder.resolve("big.ts"), new byte[BODY]);
    FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
    new FileSender(async(), file, FileSender.buffer(BODY), 0, BODY, limits.admit("viewer")).start();
    assertPaced();
  }

  private void assertPaced() throws IOException {
    assertEquals(1, writes.size(), "one write, then the connection was not ready");
    assertTrue(writes.get(0) <= Pacing.CHUNK, "at most a chunk per write: " + writes.get(0));
    listener.onWritePossible(); // a spurious call: still not ready
    assertEquals(1, writes.size(), "nothing more until the connection can take it");
    int rounds = 0;
    while (completions == 0 && rounds++ < BODY) {
      ready = true;
      listener.onWritePossible();
    }
    assertEquals(BODY, writes.stream().mapToInt(Integer::intValue).sum(), "the whole body");
    assertTrue(writes.stream().allMatch(n -> n <= Pacing.CHUNK), "every write a chunk at most");
    assertEquals(1, completions);
  }

  private AsyncContext async() {
    ServletOutputStream out =
        new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return ready;
          }

          @Override
          public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
            try {
              writeListener.onWritePossible(); // as the container does for a fresh connection
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            if (!ready) {
              throw new AssertionError("written while the connection was not ready");
            }
            writes.add(length);
            ready = false; // the reader takes nothing until the test says so
          }

          @Override
          public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
          }
        };
    ServletResponse response =
        (ServletResponse)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ServletResponse.class},
                (proxy, method, args) -> method.getName().equals("getOutputStream") ? out : null);
    return (AsyncContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {AsyncContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getResponse")) {
                return response;
              }
              if (method.getName().equals("complete")) {
                completions++;
              }
              return null;
            });
  }
}

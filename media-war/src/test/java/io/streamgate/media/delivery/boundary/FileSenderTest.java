package io.streamgate.media.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.media.MovableClock;
import io.streamgate.media.delivery.control.ResponseLimits;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
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
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The served file is closed however the response ends. The container calls the listeners; here the
 * test plays the container, with a reader that never takes anything.
 */
class FileSenderTest {

  @TempDir Path folder;

  private final List<AsyncListener> listeners = new ArrayList<>();
  private final MovableClock clock = new MovableClock();
  private final ResponseLimits limits = new ResponseLimits(10, 10, Duration.ofSeconds(20), clock);
  private int completions;
  private boolean endedByContainer;

  @Test
  void anAsyncTimeoutClosesTheFile() throws Exception {
    assertClosedBy(listener -> call(() -> listener.onTimeout(null)));
    assertEquals(1, completions, "and completes the response");
  }

  @Test
  void anAsyncErrorClosesTheFile() throws Exception {
    assertClosedBy(listener -> call(() -> listener.onError(null)));
  }

  @Test
  void aCompletionFromElsewhereClosesTheFile() throws Exception {
    assertClosedBy(listener -> call(() -> listener.onComplete(null)));
  }

  @Test
  void aReaderTooSlowIsCutOffAndTheFileClosed() throws Exception {
    FileChannel file = stalledSender();
    for (int i = 0; i < 12; i++) {
      clock.move(Duration.ofSeconds(5));
      limits.sweep();
    }
    assertFalse(file.isOpen());
    assertEquals(1, completions);
    assertEquals(0, limits.count(), "its place is free");
  }

  @Test
  void aResponseTheContainerHasEndedAlreadyStillFreesItsPlace() throws Exception {
    // A reader that went away: Payara ended the async context without telling its listeners.
    FileChannel file = stalledSender();
    endedByContainer = true;
    for (int i = 0; i < 12; i++) {
      clock.move(Duration.ofSeconds(5));
      limits.sweep();
    }
    assertFalse(file.isOpen());
    assertEquals(0, limits.count(), "its place is free");
  }

  private void assertClosedBy(Consumer<AsyncListener> containerEvent) throws Exception {
    FileChannel file = stalledSender();
    assertTrue(file.isOpen(), "open while the response waits for its reader");
    assertEquals(0, completions);
    assertFalse(listeners.isEmpty(), "the sender listens to the response's end");
    listeners.forEach(containerEvent);
    assertFalse(file.isOpen());
  }

  private FileChannel stalledSender() throws Exception {
    Path path = Files.write(folder.resolve("large.ts"), new byte[64 * 1024]);
    FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
    new FileSender(async(), file, new byte[16], 0, 64 * 1024, limits.admit("viewer")).start();
    return file;
  }

  private AsyncContext async() {
    // The connection takes two chunks, then its reader takes nothing more.
    ServletOutputStream out =
        new ServletOutputStream() {
          private int writes;

          @Override
          public boolean isReady() {
            return writes < 2;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            call(listener::onWritePossible); // as the container does for a fresh connection
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            writes++;
          }

          @Override
          public void write(int b) {
            writes++;
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
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "addListener" -> {
                    listeners.add((AsyncListener) args[0]);
                    yield null;
                  }
                  case "getResponse" -> response;
                  case "complete" -> {
                    if (endedByContainer) {
                      throw new IllegalStateException("the request is no longer in async mode");
                    }
                    completions++;
                    yield null;
                  }
                  default -> null;
                });
  }

  private interface Call {
    void run() throws IOException;
  }

  private static void call(Call call) {
    try {
      call.run();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

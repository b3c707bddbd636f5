package io.streamgate.media.delivery.control;

import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes access-log lines off the request path: requests only queue their line; one thread appends
 * them in batches to {@code ACCESS_LOG_FILE} (one JSON object per line), or hands them to the
 * {@code io.streamgate.media.access} logger when no file is set. When the disk cannot keep up the
 * queue is bounded and lines are dropped and counted, never the requests slowed down.
 */
@ApplicationScoped
public class AccessLogWriter {

  private static final Logger LOG = Logger.getLogger("io.streamgate.media.access");

  static final int QUEUE = 65_536;

  @Inject MediaSettings settings;

  @Resource ManagedThreadFactory threads;

  private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running = true;
  private Thread writer;

  /** Started with the application: the first line may come from a thread outside any request. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
    writer = threads.newThread(this::drain);
    writer.setName("streamgate-access-log");
    writer.setDaemon(true);
    writer.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    writer.interrupt();
  }

  /** Queues one line; never blocks. */
  public void write(String line) {
    if (!lines.offer(line)) {
      dropped.incrementAndGet();
    }
  }

  /** Lines dropped because the log could not keep up. */
  public long dropped() {
    return dropped.get();
  }

  private void drain() {
    List<String> batch = new ArrayList<>(1024);
    try (BufferedWriter out = open()) {
      while (running) {
        batch.add(lines.take());
        lines.drainTo(batch, 4096);
        for (String line : batch) {
          if (out == null) {
            LOG.info(line);
          } else {
            out.write(line);
            out.newLine();
          }
        }
        if (out != null) {
          out.flush();
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Access log cannot be written; access lines are logged no more", e);
    }
  }

  private BufferedWriter open() throws IOException {
    Optional<Path> file = settings.accessLogFile();
    if (file.isEmpty()) {
      return null;
    }
    Path path = file.get();
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    return Files.newBufferedWriter(
        path, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}

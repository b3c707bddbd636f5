package io.streamgate.media.delivery.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.streamgate.media.settings.entity.MediaSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The files viewers are fetching right now, in memory: every viewer of a live event asks for the
 * same few segments within seconds, and a segment sent from memory skips two of the four copies a
 * file read costs. Keyed by path, size and modification time, so a changed file is read afresh.
 * Bounded by {@code MEDIA_MEMORY_CACHE_MB}; least recently used files leave first.
 */
@ApplicationScoped
public class HotFiles {

  /** Files larger than this are streamed from disk instead. */
  public static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

  private record Key(Path path, long size, long modified) {}

  @Inject MediaSettings settings;

  private Cache<Key, byte[]> files;

  @PostConstruct
  void start() {
    files =
        Caffeine.newBuilder()
            .maximumWeight(settings.memoryCacheMb() * 1024 * 1024)
            .weigher((Key key, byte[] bytes) -> bytes.length)
            .build();
  }

  /**
   * The file's bytes, from memory when this version of it was read before. Throws when it cannot be
   * read whole (gone, or shorter than {@code size}).
   */
  public byte[] read(Path path, long size, long modified) throws IOException {
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("too large to hold in memory");
    }
    try {
      return files.get(new Key(path, size, modified), key -> readWhole(path, (int) size));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static byte[] readWhole(Path path, int size) {
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(size);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new IOException("file shorter than announced");
        }
      }
      return buffer.array();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

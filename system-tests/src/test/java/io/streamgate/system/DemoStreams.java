package io.streamgate.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/** Event folders under the instance's stream root, filled from the demo stream. */
record DemoStreams(Path root) {

  /** The demo as a recording: VOD playlists with an end, last changed an hour ago. */
  String recording(String event) throws IOException {
    copyDemo(event, false);
    FileTime anHourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
    try (var files = Files.walk(root.resolve(event))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, anHourAgo);
      }
    }
    return event;
  }

  /** The demo as a live stream: playlists without an end, so players keep asking for more. */
  String live(String event) throws IOException {
    copyDemo(event, true);
    return event;
  }

  private void copyDemo(String event, boolean live) throws IOException {
    Path demo = root.resolve("demo");
    Path target = root.resolve(event);
    try (var files = Files.walk(demo)) {
      for (Path source : files.sorted().toList()) {
        Path copy = target.resolve(demo.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else if (live && source.toString().endsWith(".m3u8")) {
          Files.writeString(
              copy,
              Files.readString(source)
                  .replace("#EXT-X-ENDLIST\n", "")
                  .replace("#EXT-X-PLAYLIST-TYPE:VOD\n", ""));
        } else {
          Files.copy(source, copy);
        }
      }
    }
  }
}

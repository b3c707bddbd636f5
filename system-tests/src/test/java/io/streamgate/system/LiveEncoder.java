package io.streamgate.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real live stream for the tests: {@code tools/live-encoder.sh} (ffmpeg encoding a test picture
 * in real time) writing a two-rendition HLS ladder into a folder, as an organiser's encoder would:
 * the entry playlist, {@code v0/index.m3u8} and {@code v1/index.m3u8} with a sliding window of
 * 2-second segments. It can end the stream as a recording ({@link #finish()}, the playlists get
 * {@code #EXT-X-ENDLIST}), crash ({@link #crash()}, they do not) and come back ({@link #restart()},
 * the media sequence goes on after a discontinuity). The script's output goes to a log under {@code
 * target/system/live-encoder/}.
 */
final class LiveEncoder implements AutoCloseable {

  /** The segment formats of the script's {@code --format}. */
  enum Format {
    /** MPEG-TS segments. */
    TS("ts"),
    /** fMP4 segments ({@code .m4s}) with an init segment per rendition ({@code #EXT-X-MAP}). */
    CMAF("cmaf"),
    /** MPEG-TS segments encrypted with AES-128, the key in {@code enc.key} ({@code #EXT-X-KEY}). */
    AES128("aes128");

    private final String option;

    Format(String option) {
      this.option = option;
    }
  }

  /**
   * The script's default: enough for a player to start; tests that watch the sequence move ask
   * less.
   */
  static final int WINDOW = 6;

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Pattern MEDIA_SEQUENCE =
      Pattern.compile("^#EXT-X-MEDIA-SEQUENCE:(\\d+)", Pattern.MULTILINE);

  private final Path script;
  private final Path folder;
  private final Format format;
  private final String entry;
  private final int window;
  private final Path log;
  private Process process;

  private LiveEncoder(Path script, Path folder, Format format, String entry, int window, Path log) {
    this.script = script;
    this.folder = folder;
    this.format = format;
    this.entry = entry;
    this.window = window;
    this.log = log;
  }

  /** Starts encoding into {@code folder} (new, or empty) with {@link #WINDOW} segments. */
  static LiveEncoder start(Path folder, Format format, String entry) {
    return start(folder, format, entry, WINDOW);
  }

  /** The same with a window of {@code window} segments: the sequence moves once it is full. */
  static LiveEncoder start(Path folder, Format format, String entry, int window) {
    EncoderTools.require(EncoderTools.FFMPEG);
    Path absolute = folder.toAbsolutePath().normalize();
    Path logs =
        Path.of(System.getProperty("streamgate.work", "target/system"))
            .resolve("live-encoder")
            .toAbsolutePath();
    Path log =
        logs.resolve(
            absolute.getFileName() + "-" + Integer.toHexString(absolute.hashCode()) + ".log");
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LiveEncoder encoder = new LiveEncoder(script(), absolute, format, entry, window, log);
    encoder.launch(false);
    return encoder;
  }

  /** {@code tools/live-encoder.sh} of this checkout: in the first folder upwards that has it. */
  private static Path script() {
    Path start = Path.of(System.getProperty("streamgate.home", "")).toAbsolutePath().normalize();
    for (Path folder = start; folder != null; folder = folder.getParent()) {
      Path script = folder.resolve("tools/live-encoder.sh");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new IllegalStateException("no tools/live-encoder.sh in " + start + " or above");
  }

  private void launch(boolean restart) {
    List<String> command =
        new ArrayList<>(
            List.of(
                script.toString(),
                folder.toString(),
                "--format",
                format.option,
                "--entry",
                entry,
                "--window",
                Integer.toString(window)));
    if (restart) {
      command.add("--restart");
    }
    try {
      // stdin stays a pipe: 'q' on it is ffmpeg's graceful stop.
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path folder() {
    return folder;
  }

  /** The script's and ffmpeg's output, over every start. */
  Path log() {
    return log;
  }

  /** Whether ffmpeg is running. */
  boolean running() {
    return process.isAlive();
  }

  /** {@code v<rendition>/index.m3u8} in the folder. */
  Path variantPlaylist(int rendition) {
    return folder.resolve("v" + rendition).resolve("index.m3u8");
  }

  /**
   * Waits until {@code v0/index.m3u8} lists a segment (about 2 s after the start, longer on a busy
   * machine); fails at once if the encoder ended.
   */
  void awaitVariantPlaylist(Duration limit) {
    Eventually.await(
        "a segment in " + variantPlaylist(0),
        limit,
        () -> {
          boolean listed = playlist(0).map(LiveEncoder::listsSegment).orElse(false);
          if (!listed && !process.isAlive()) {
            throw new AssertionError(
                "the encoder ended (exit " + process.exitValue() + "): " + tail());
          }
          return listed;
        });
  }

  private static boolean listsSegment(String playlist) {
    return playlist.lines().anyMatch(line -> !line.isBlank() && !line.startsWith("#"));
  }

  /** The {@code #EXT-X-MEDIA-SEQUENCE} of {@code v<rendition>/index.m3u8} as it is now. */
  long mediaSequence(int rendition) {
    String playlist =
        playlist(rendition)
            .orElseThrow(() -> new AssertionError("no playlist " + variantPlaylist(rendition)));
    Matcher matcher = MEDIA_SEQUENCE.matcher(playlist);
    if (!matcher.find()) {
      throw new AssertionError("no media sequence in " + variantPlaylist(rendition));
    }
    return Long.parseLong(matcher.group(1));
  }

  /** The variant playlist's text, empty while there is none (ffmpeg renames it into place). */
  Optional<String> playlist(int rendition) {
    try {
      return Optional.of(Files.readString(variantPlaylist(rendition), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Ends the stream as an encoder that is stopped does: 'q' on ffmpeg's stdin, so it closes the
   * last segment and ends every playlist with {@code #EXT-X-ENDLIST}; waits for it to exit
   * (SIGTERM, as graceful, after 10 s). Fails unless it exited normally.
   */
  void finish() {
    try {
      OutputStream stdin = process.getOutputStream();
      stdin.write('q');
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("the encoder had ended already: " + tail(), e);
    }
    if (!await(process)) {
      process.destroy();
      if (!await(process)) {
        process.destroyForcibly();
        throw new AssertionError("the encoder did not stop within " + STOP_TIMEOUT.multipliedBy(2));
      }
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("the encoder ended with " + process.exitValue() + ": " + tail());
    }
  }

  /** Kills ffmpeg with SIGKILL, as a crash would: the playlists stay as they were, live. */
  void crash() {
    process.destroyForcibly();
    if (!await(process)) {
      throw new AssertionError("the encoder survived SIGKILL for " + STOP_TIMEOUT);
    }
  }

  /**
   * Crashes the encoder and starts it again into the same folder with {@code --restart}: the
   * playlists keep their segments and go on with the next media sequence numbers, the first new
   * segment after {@code #EXT-X-DISCONTINUITY}.
   */
  void restart() {
    crash();
    resume();
  }

  /**
   * Starts the encoder again (after {@link #crash()}) into the same folder with {@code --restart},
   * as an operator bringing a stream back after a while.
   */
  void resume() {
    launch(true);
  }

  /** Kills ffmpeg if it is still running (SIGKILL) and waits for it. */
  @Override
  public void close() {
    if (process.isAlive()) {
      crash();
    }
  }

  private static boolean await(Process process) {
    try {
      return process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

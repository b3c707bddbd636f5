package io.streamgate.system;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs behind the live-stream helpers, ffmpeg ({@link LiveEncoder}) and nginx ({@link
 * NginxOrigin}): a test that needs one that is missing is skipped loudly, or fails when {@code
 * streamgate.require.encoder} is true (CI).
 */
final class EncoderTools {

  static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
  static final Path NGINX = Path.of("/usr/sbin/nginx");

  private EncoderTools() {}

  /** Returns {@code program} when it is installed; else skips or fails the test. */
  static Path require(Path program) {
    if (!Files.isExecutable(program)) {
      String missing = program + " is missing (Debian: apt-get install ffmpeg nginx)";
      if (Boolean.getBoolean("streamgate.require.encoder")) {
        throw new AssertionError("required: " + missing);
      }
      System.err.println("\n*** SKIPPED: live-stream tests, " + missing + " ***\n");
      Assumptions.abort(missing);
    }
    return program;
  }
}

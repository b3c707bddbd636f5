package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The data grid's name stays the launcher's secret: the health endpoint shows a fingerprint and the
 * command line does not carry it. (That a second StreamGate keeps a grid of its own: {@link
 * SecondInstanceIT}.)
 */
@ExtendWith(StreamGateExtension.class)
class GridIsolationIT {

  /**
   * The name is what a process needs to join the grid; the health endpoint, which anyone who
   * reaches the server can read, shows a fingerprint that still tells two grids apart.
   */
  @Test
  void theHealthEndpointShowsAFingerprintOfTheGridsNameNotTheName(LaunchedStreamGate streamGate)
      throws IOException {
    String cluster = gridName(streamGate);
    assertEquals(GridFingerprint.of(cluster), grid(streamGate).getString("cluster"));
    assertFalse(
        streamGate.get("/health/ready").body().contains(cluster),
        "the health endpoint names the grid");
  }

  /**
   * A member must know the grid's name to join it; every local user can read a command line (ps),
   * so the name is handed over in the environment, which only the server's own user can read.
   */
  @Test
  void theDataGridsNameIsNotOnTheServersCommandLine(LaunchedStreamGate streamGate)
      throws IOException {
    String cluster = gridName(streamGate);
    String port = "--port\0" + streamGate.port() + "\0";
    List<String> servers = new ArrayList<>();
    try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path process : processes) {
        try {
          String commandLine =
              new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
          if (commandLine.contains(port)) {
            servers.add(commandLine);
          }
        } catch (IOException ended) {
          // The process ended while the list was read.
        }
      }
    }
    assertEquals(1, servers.size(), "one server process listens on the port");
    assertFalse(servers.get(0).contains(cluster), "the grid's name is on the command line");
  }

  /** The launcher tells whoever started it (and only them) the name of the grid it made. */
  private static String gridName(LaunchedStreamGate streamGate) throws IOException {
    Matcher named = Pattern.compile("data grid '([^']+)'").matcher(streamGate.launcherOutput());
    assertTrue(named.find(), streamGate.launcherOutput());
    return named.group(1);
  }

  static JsonObject grid(LaunchedStreamGate streamGate) {
    JsonObject health = JsonBodies.parse(streamGate.get("/health/ready").body());
    return JsonBodies.check(health, "data-grid").orElseThrow().getJsonObject("data");
  }
}

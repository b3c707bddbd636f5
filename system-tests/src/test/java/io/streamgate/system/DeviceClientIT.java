package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device client, {@code ./streamgate device} and {@code ./streamgate box-office}, driven as a
 * person at a box office would, against the shared instance: enroll, look up, issue, carry on after
 * the access token ran out (silent refresh), release, and a clear word once revoked.
 */
@ExtendWith(StreamGateExtension.class)
class DeviceClientIT {

  private static final Path HOME =
      Path.of(System.getProperty("streamgate.home", "..")).toAbsolutePath().normalize();

  private static LaunchedStreamGate streamGate;
  private static Fixtures fixtures;

  @TempDir Path folder;

  /** What one command printed and how it ended. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void setUp(LaunchedStreamGate shared) {
    streamGate = shared;
    fixtures = new Fixtures(shared.jdbcUrl(), "", shared.dataDir());
  }

  @Test
  void aBoxOfficeDeskWorksThroughItsDay() throws Exception {
    String event = fixtures.liveEvent();
    String code = fixtures.code(event);
    DeviceAccessIT.streamGateForHelpers(streamGate);
    String enrollment = DeviceAccessIT.enrollmentCode("box_office", "Desk CLI", List.of(event));
    Path file = folder.resolve("device.json");

    Run enrolled = run("device", "enroll", enrollment);
    assertEquals(0, enrolled.exit(), enrolled.err());
    assertTrue(enrolled.out().contains("Enrolled as box_office"), enrolled.out());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(!Files.readString(file).contains(enrollment), "the file keeps the one-time code");

    Run lookup = run("box-office", "lookup", code);
    assertEquals(0, lookup.exit(), lookup.err());
    assertTrue(lookup.out().contains("Status    unused"), lookup.out());
    assertTrue(lookup.out().contains("(" + event + ")"), lookup.out());
    assertTrue(lookup.out().contains("Watching  no"), lookup.out());

    Run issued = run("box-office", "issue", "--event", event, "--count", "2", "--json");
    assertEquals(0, issued.exit(), issued.err());
    assertEquals(2, JsonBodies.parse(issued.out()).getJsonArray("data").size());

    // The access token ran out: the client refreshes before it calls.
    String refreshBefore = stored(file).getString("refreshToken");
    Files.writeString(
        file,
        Files.readString(file).replaceFirst("\"accessExpiresAt\":\\d+", "\"accessExpiresAt\":1"));
    Run afterExpiry = run("box-office", "lookup", code, "--json");
    assertEquals(0, afterExpiry.exit(), afterExpiry.err());
    assertEquals(
        "unused", JsonBodies.parse(afterExpiry.out()).getJsonObject("data").getString("status"));
    String refreshAfter = stored(file).getString("refreshToken");
    assertNotEquals(refreshBefore, refreshAfter);

    // The platform refuses the stored access token: the client refreshes once and goes on.
    String access = stored(file).getString("accessToken");
    Files.writeString(file, Files.readString(file).replace(access, access + "x"));
    ViewerApi viewer = new ViewerApi(streamGate);
    ViewerApi.token(viewer.redeem(code));
    Run watching = run("box-office", "lookup", code);
    assertEquals(0, watching.exit(), watching.err());
    assertTrue(watching.out().contains("Watching  yes"), watching.out());
    assertNotEquals(refreshAfter, stored(file).getString("refreshToken"));

    Run released = run("box-office", "release", code);
    assertEquals(0, released.exit(), released.err());
    assertTrue(released.out().startsWith("Released"), released.out());
    assertEquals(200, new ViewerApi(streamGate).redeem(code).statusCode());

    String id = DeviceAccessIT.deviceNamed("Desk CLI").getString("id");
    new AdminApi(streamGate).loggedIn().send("POST", "/api/admin/devices/" + id + "/revoke", null);
    Run revoked = run("box-office", "lookup", code);
    assertEquals(2, revoked.exit());
    assertTrue(revoked.err().contains("Enroll it again"), revoked.err());
  }

  @Test
  void withoutEnrollmentTheClientSaysWhatToDo() throws Exception {
    Run lookup = run("box-office", "lookup", "2345-6789-ABCD");
    assertEquals(2, lookup.exit());
    assertTrue(lookup.err().contains("not enrolled"), lookup.err());
    Run wrong = run("device", "enroll", "2222-2222");
    assertEquals(2, wrong.exit());
    assertTrue(wrong.err().contains("(401): " + DeviceAccessIT.REFUSED), wrong.err());
  }

  private static JsonObject stored(Path file) throws IOException {
    return JsonBodies.parse(Files.readString(file));
  }

  private Run run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", HOME.resolve("streamgate").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.put("STREAMGATE_URL", "http://127.0.0.1:" + streamGate.port());
    env.put("STREAMGATE_DEVICE_FILE", folder.resolve("device.json").toString());
    Path out = folder.resolve("out.txt");
    Path err = folder.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the client did not end: " + command);
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}

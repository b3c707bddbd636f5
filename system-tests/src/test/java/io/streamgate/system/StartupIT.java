package io.streamgate.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a user sees after {@code ./streamgate run} on a clean data folder. */
@ExtendWith(StreamGateExtension.class)
class StartupIT {

  @Test
  void readyWithTheDatabaseMigratedAndADataGridOfItsOwn(LaunchedStreamGate streamGate) {
    HttpResponse<String> ready = streamGate.get("/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject health = JsonBodies.parse(ready.body());
    assertEquals("UP", health.getString("status"));

    JsonObject database = JsonBodies.check(health, "database").orElseThrow();
    assertEquals("H2", database.getJsonObject("data").getString("product"));
    assertEquals("14", database.getJsonObject("data").getString("schemaVersion"));

    JsonObject grid = JsonBodies.check(health, "data-grid").orElseThrow();
    assertEquals("1", grid.getJsonObject("data").getString("members"));
    assertTrue(JsonBodies.check(health, "stream-root").isPresent(), "the media WAR reports too");

    JsonObject keys = JsonBodies.check(health, "signing-keys").orElseThrow();
    assertEquals("UP", keys.getString("status"));
    assertTrue(keys.getJsonObject("data").getString("signing").matches("\\d{8}-[0-9a-f]{8}"));
    assertEquals(
        "UP", JsonBodies.check(health, "accepting-viewers").orElseThrow().getString("status"));
  }

  @Test
  void alive(LaunchedStreamGate streamGate) {
    HttpResponse<String> live = streamGate.get("/health/live");
    assertEquals(200, live.statusCode());
    JsonObject health = JsonBodies.parse(live.body());
    assertTrue(JsonBodies.check(health, "platform").isPresent());
    assertTrue(JsonBodies.check(health, "media").isPresent());
  }

  @Test
  void launcherPrintsTheBootTimeTheUrlsTheDemoCodesAndTheAdminLogin(LaunchedStreamGate streamGate)
      throws IOException {
    String output = streamGate.launcherOutput();
    assertTrue(streamGate.bootSeconds() > 0);
    assertTrue(output.contains("http://127.0.0.1:" + streamGate.port() + "/"), output);
    assertTrue(output.matches("(?s).*Admin login +admin / [A-Za-z0-9]{20} .*"), output);

    List<String> codes = streamGate.demoCodes();
    assertEquals(5, codes.size());
    for (String code : codes) {
      assertTrue(code.matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), code);
      assertTrue(output.contains(code), "printed: " + code);
    }
  }

  @Test
  void viewerPortalIsServedWithTheDemoEvent(LaunchedStreamGate streamGate) {
    HttpResponse<String> page = streamGate.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(
        page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
        page.headers().toString());
    assertTrue(page.body().contains("Watch your event"));
    assertTrue(page.body().contains("StreamGate demo"));
    assertTrue(!page.body().contains("RES_NOT_FOUND"), "every page resource resolves");
  }
}

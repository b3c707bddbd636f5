package io.streamgate.media.delivery.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.playback.PlaybackClaims;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessLogTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void aMethodWithQuotesAndLineBreaksCannotAddFieldsNorLines() {
    String method = "X\",\"event\":\"forged\",\"ip\":\"6.6.6.6\"}\n{\"method\":\"GET\\";
    String line =
        AccessLog.line(
            NOW, method, "/streams/e/a.ts", 405, 30, Duration.ofMillis(2), "127.0.0.1", null);
    assertFalse(line.contains("\n"), line);
    JsonObject json = parse(line);
    assertEquals(
        Set.of("time", "method", "path", "status", "bytes", "ms", "ip"), json.keySet(), line);
    assertEquals("127.0.0.1", json.getString("ip"));
    assertTrue(json.getString("method").startsWith("X?,?event?:?forged?"), line);
  }

  @Test
  void everyClientChosenStringIsEscaped() {
    Instant now = NOW;
    PlaybackClaims claims =
        PlaybackClaims.playback(
            "5e2d9c7a-1f3b-4a8e-b6d0-c9e4f7a21b35",
            "ev\"ent",
            "s",
            now.minusSeconds(1),
            now.plusSeconds(60));
    String line =
        AccessLog.line(
            now,
            "GET",
            "/streams/e/\"a\u0000\r\n.ts",
            200,
            1,
            Duration.ofMillis(1),
            "::1\"",
            claims);
    JsonObject json = parse(line);
    assertEquals(
        Set.of("time", "method", "path", "status", "bytes", "ms", "ip", "event", "code"),
        json.keySet(),
        line);
    assertEquals("/streams/e/?a???.ts", json.getString("path"));
    assertEquals("ev?ent", json.getString("event"));
    assertEquals("::1?", json.getString("ip"));
    assertTrue(json.getString("code").startsWith("code#"), line);
    assertFalse(line.contains("ABCD2345WXYZ"), "never the code itself");
  }

  @Test
  void theLoggedPathIsTheMappedOne() {
    assertEquals(
        "/streams/demo/master.m3u8", AccessLog.loggedPath("/streams", "", "/demo/master.m3u8"));
    assertEquals("/streams/admin/cache", AccessLog.loggedPath("/streams", "/admin/cache", null));
  }

  private static JsonObject parse(String line) {
    try (var reader = Json.createReader(new StringReader(line))) {
      return reader.readObject();
    }
  }
}

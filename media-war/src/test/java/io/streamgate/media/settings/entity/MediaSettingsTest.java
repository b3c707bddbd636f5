package io.streamgate.media.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.settings.Setting;
import io.streamgate.common.settings.SettingsTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaSettingsTest {

  /** Reads {@code configured}; with an upstream origin unless it names a source itself. */
  private static MediaSettings read(Map<String, String> configured) {
    Map<String, String> withSource = new HashMap<>(configured);
    if (!configured.containsKey("STREAM_ROOT") && !configured.containsKey("EVENT_ORIGINS")) {
      withSource.putIfAbsent("UPSTREAM_ORIGIN", "https://origin.example/hls");
    }
    return MediaSettings.read(name -> Optional.ofNullable(withSource.get(name)));
  }

  private static String refusal(Map<String, String> configured) {
    return assertThrows(RuntimeException.class, () -> read(configured)).getMessage();
  }

  @Test
  void theDefaults() {
    MediaSettings settings = read(Map.of());
    assertEquals(Optional.empty(), settings.streamRoot());
    assertEquals(10, settings.upstreamTimeoutSeconds());
    assertEquals(50.0, settings.segmentCacheMaxSizeGb());
    assertEquals(72.0, settings.segmentCacheMaxAgeHours());
    assertEquals(10, settings.segmentCacheSweepMinutes());
    assertEquals("*", settings.corsAllowedOrigin());
    assertEquals(20, settings.shutdownGraceSeconds());
    assertEquals(2000, settings.maxResponses());
    assertEquals(160, settings.responseMemoryMb());
    assertEquals(128, settings.memoryCacheMb());
    assertEquals(30000, settings.revocationPollIntervalMs());
    assertEquals(SharingMode.END, settings.tokenSharing());
    assertEquals(RevocationSync.GRID, settings.revocationSync(true));
    assertEquals(RevocationSync.POLL, settings.revocationSync(false));
    assertEquals(Optional.empty(), settings.internalApiKey());
  }

  @Test
  void aBadValueIsRefusedWithOneLineNamingTheSetting() {
    assertEquals(
        "TOKEN_SHARING must be 'end', 'flag' or 'off' (got 'block')",
        refusal(Map.of("TOKEN_SHARING", "block")));
    assertEquals(
        "REVOCATION_POLL_INTERVAL_MS must be a whole number, at least 100 (got '50')",
        refusal(Map.of("REVOCATION_POLL_INTERVAL_MS", "50")));
    assertEquals(
        "SEGMENT_CACHE_MAX_SIZE_GB must be a number, at least 0 (got 'lots')",
        refusal(Map.of("SEGMENT_CACHE_MAX_SIZE_GB", "lots")));
    assertEquals(
        "UPSTREAM_ORIGIN must be an http:// or https:// URL with a host",
        refusal(Map.of("UPSTREAM_ORIGIN", "origin.example/hls")));
    assertEquals(
        "INTERNAL_API_KEY must be at least 16 characters long",
        refusal(Map.of("INTERNAL_API_KEY", "short-key")));
    assertTrue(
        refusal(Map.of("REVOCATION_SYNC", "poll"))
            .startsWith("REVOCATION_SYNC=poll needs INTERNAL_API_KEY"));
    assertEquals(
        "PLAYBACK_PUBLIC_KEYS is not a JWK set", refusal(Map.of("PLAYBACK_PUBLIC_KEYS", "{")));
  }

  @Test
  void aMediaServerWithNothingToServeDoesNotStart() {
    RuntimeException refused =
        assertThrows(
            RuntimeException.class, () -> MediaSettings.read(name -> Optional.<String>empty()));
    assertEquals(
        "STREAM_ROOT or UPSTREAM_ORIGIN must be set: this media server has nothing to serve",
        refused.getMessage());
    assertEquals(
        1,
        read(Map.of("EVENT_ORIGINS", "https://origin.example/")).eventOrigins().size(),
        "events' own origins are something to serve");
  }

  @Test
  void theSegmentCacheIsInTheStreamRootUnlessSetElsewhere(@TempDir Path folder) {
    Map<String, String> both =
        Map.of("STREAM_ROOT", folder.toString(), "UPSTREAM_ORIGIN", "https://origin.example/");
    assertEquals(Optional.of(folder.resolve("cache")), read(both).segmentCacheRoot());
    Map<String, String> elsewhere = new HashMap<>(both);
    elsewhere.put("SEGMENT_CACHE_ROOT", folder.resolve("elsewhere").toString());
    assertEquals(Optional.of(folder.resolve("elsewhere")), read(elsewhere).segmentCacheRoot());
    assertEquals(
        Optional.empty(),
        read(Map.of("STREAM_ROOT", folder.toString())).segmentCacheRoot(),
        "local files only: nothing to cache, nothing written into the stream folder");
    assertEquals(
        Optional.empty(),
        read(Map.of("UPSTREAM_ORIGIN", "https://origin.example/")).segmentCacheRoot(),
        "no stream folder: no default cache");
  }

  @Test
  void aStreamRootThatIsSetMustBeAFolder(@TempDir Path folder) {
    assertEquals(Optional.of(folder), read(Map.of("STREAM_ROOT", folder.toString())).streamRoot());
    assertEquals(
        "STREAM_ROOT '" + folder.resolve("missing") + "' is not a folder",
        refusal(Map.of("STREAM_ROOT", folder.resolve("missing").toString())));
  }

  @Test
  void eachSettingOnce() {
    List<Setting<?>> all = MediaSettings.all();
    assertEquals(all.size(), new HashSet<>(all.stream().map(Setting::name).toList()).size());
    assertEquals(MediaSettings.class.getRecordComponents().length, all.size());
  }

  @Test
  void theReadmeDocumentsEachSettingAsDescribedHere() throws Exception {
    // ./mvnw test -pl media-war -Dtest=MediaSettingsTest -Dstreamgate.updateReadme=true rewrites
    // the rows.
    List<String> problems =
        SettingsTable.problems(
            Path.of("..", "README.md"),
            MediaSettings.all(),
            Boolean.getBoolean("streamgate.updateReadme"));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}

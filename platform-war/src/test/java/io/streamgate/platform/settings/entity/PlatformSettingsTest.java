package io.streamgate.platform.settings.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.common.settings.Setting;
import io.streamgate.common.settings.SettingsTable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

  private static PlatformSettings read(Map<String, String> configured) {
    return PlatformSettings.read(name -> Optional.ofNullable(configured.get(name)));
  }

  private static String refusal(Map<String, String> configured) {
    return assertThrows(RuntimeException.class, () -> read(configured)).getMessage();
  }

  @Test
  void theDefaults() {
    PlatformSettings settings = read(Map.of());
    assertEquals("./data", settings.dataDir());
    assertEquals("jdbc:h2:file:./data/db/streamgate;LOCK_TIMEOUT=10000", settings.databaseUrl());
    assertEquals("", settings.databaseResource());
    assertEquals(false, settings.demo());
    assertEquals(60, settings.sessionTimeoutSeconds());
    assertEquals(5, settings.redeemsPerMinute());
    assertEquals(12, settings.refreshesPerHour());
    assertEquals(30, settings.revocationFeedOverlapSeconds());
    assertEquals("StreamGate", settings.shownAppName());
    assertEquals(Optional.empty(), settings.internalApiKey());
  }

  @Test
  void theDatabaseFollowsTheDataFolderUnlessSet() {
    assertEquals(
        "jdbc:h2:file:/srv/sg/db/streamgate;LOCK_TIMEOUT=10000",
        read(Map.of("STREAMGATE_DATA_DIR", "/srv/sg")).databaseUrl());
    assertEquals(
        "postgresql://db/sg",
        read(Map.of("STREAMGATE_DATA_DIR", "/srv/sg", "DATABASE_URL", "postgresql://db/sg"))
            .databaseUrl());
    assertEquals(
        "jdbc/streamgate",
        read(Map.of("DATABASE_RESOURCE", " jdbc/streamgate ")).databaseResource());
  }

  @Test
  void theSpecificationsAppNameWins() {
    assertEquals("Gala", read(Map.of("APP_NAME", "Gala")).shownAppName());
    assertEquals(
        "Live", read(Map.of("APP_NAME", "Gala", "NEXT_PUBLIC_APP_NAME", "Live")).shownAppName());
  }

  @Test
  void aBadValueIsRefusedWithOneLineNamingTheSetting() {
    assertEquals(
        "SESSION_TIMEOUT_SECONDS must be a whole number of seconds, at least 10 (got 'soon')",
        refusal(Map.of("SESSION_TIMEOUT_SECONDS", "soon")));
    assertEquals(
        "SESSION_TIMEOUT_SECONDS must be a whole number of seconds, at least 10 (got '9')",
        refusal(Map.of("SESSION_TIMEOUT_SECONDS", "9")));
    assertEquals(
        "RATE_LIMIT_REDEEM_PER_MINUTE must be a whole number, from 0 to 2147483647 (got '-1')",
        refusal(Map.of("RATE_LIMIT_REDEEM_PER_MINUTE", "-1")));
    assertEquals(
        "ANALYTICS_RETENTION_DAYS must be a whole number of days, from 1 to 36500 (got '0')",
        refusal(Map.of("ANALYTICS_RETENTION_DAYS", "0")));
    assertEquals(
        "ANALYTICS_RETENTION_DAYS must be a whole number of days, from 1 to 36500 (got '30d')",
        refusal(Map.of("ANALYTICS_RETENTION_DAYS", "30d")));
    assertEquals(
        "STREAMGATE_DEMO must be true or false (got 'yes')",
        refusal(Map.of("STREAMGATE_DEMO", "yes")));
    assertEquals(
        "HLS_SERVER_BASE_URL must be an http:// or https:// URL with a host",
        refusal(Map.of("HLS_SERVER_BASE_URL", "media.example.com")));
    assertTrue(
        refusal(Map.of("INTERNAL_API_KEY", "REPLACE-with-at-least-16-random-characters"))
            .startsWith("INTERNAL_API_KEY looks like a placeholder"));
    assertTrue(
        refusal(Map.of("TRUSTED_PROXIES", "proxy.lan"))
            .startsWith("TRUSTED_PROXIES must list IP addresses or CIDR ranges"));
  }

  @Test
  void eachSettingOnce() {
    List<Setting<?>> all = PlatformSettings.all();
    assertEquals(all.size(), new HashSet<>(all.stream().map(Setting::name).toList()).size());
    // The e-mail settings are one component, a record of their own.
    assertEquals(
        PlatformSettings.class.getRecordComponents().length
            - 1
            + PlatformSettings.Mail.class.getRecordComponents().length,
        all.size());
  }

  @Test
  void theReadmeDocumentsEachSettingAsDescribedHere() throws Exception {
    // ./mvnw test -pl platform-war -Dtest=PlatformSettingsTest -Dstreamgate.updateReadme=true
    // rewrites the rows.
    List<String> problems =
        SettingsTable.problems(
            Path.of("..", "README.md"),
            PlatformSettings.all(),
            Boolean.getBoolean("streamgate.updateReadme"));
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }
}

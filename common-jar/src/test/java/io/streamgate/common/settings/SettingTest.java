package io.streamgate.common.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {

  private static <T> T read(Setting<T> setting, String value) {
    return setting.read(name -> Optional.ofNullable(Map.of(setting.name(), value).get(name)));
  }

  private static <T> T unset(Setting<T> setting) {
    return setting.read(name -> Optional.empty());
  }

  @Test
  void unsetOrBlankMeansTheDefault() {
    Setting<Long> timeout = Setting.wholeNumber("TIMEOUT_SECONDS", 60, 10, Long.MAX_VALUE, "t");
    assertEquals(60L, unset(timeout));
    assertEquals(60L, read(timeout, " "));
    assertEquals(12L, read(timeout, " 12 "));
    assertEquals("`60`", timeout.shownDefault());
  }

  @Test
  void aWholeNumberOutOfRangeOrNotANumberIsRefusedWithOneLineNamingTheSetting() {
    Setting<Long> timeout =
        Setting.wholeNumber("TIMEOUT_SECONDS", 60, 10, Long.MAX_VALUE, "seconds", "t");
    assertEquals(
        "TIMEOUT_SECONDS must be a whole number of seconds, at least 10 (got 'soon')",
        assertThrows(IllegalArgumentException.class, () -> read(timeout, "soon")).getMessage());
    assertEquals(
        "TIMEOUT_SECONDS must be a whole number of seconds, at least 10 (got '9')",
        assertThrows(IllegalArgumentException.class, () -> read(timeout, "9")).getMessage());
    Setting<Long> limit = Setting.wholeNumber("LIMIT", 5, 0, 100, "l");
    assertEquals(
        "LIMIT must be a whole number, from 0 to 100 (got '101')",
        assertThrows(IllegalArgumentException.class, () -> read(limit, "101")).getMessage());
  }

  @Test
  void numbersAndFlags() {
    Setting<Double> size = Setting.number("SIZE_GB", 50, 0, "s");
    assertEquals("50", size.defaultValue());
    assertEquals(0.5, read(size, "0.5"));
    assertThrows(IllegalArgumentException.class, () -> read(size, "-1"));
    assertThrows(IllegalArgumentException.class, () -> read(size, "NaN"));
    Setting<Boolean> demo = Setting.flag("DEMO", false, "d");
    assertEquals(false, unset(demo));
    assertEquals(true, read(demo, " true"));
    assertThrows(IllegalArgumentException.class, () -> read(demo, "TRUE"));
    assertEquals(
        "DEMO must be true or false (got 'yes')",
        assertThrows(IllegalArgumentException.class, () -> read(demo, "yes")).getMessage());
  }

  @Test
  void optionalTextIsEmptyWhenUnsetAndCheckedWhenSet() {
    assertEquals(Optional.empty(), unset(SharedSettings.INTERNAL_API_KEY));
    assertEquals("none", Setting.optional("ORIGIN", "o").shownDefault());
    assertEquals(
        "INTERNAL_API_KEY must be at least 16 characters long",
        assertThrows(
                IllegalArgumentException.class,
                () -> read(SharedSettings.INTERNAL_API_KEY, "short-key"))
            .getMessage());
    assertEquals(
        Optional.of("k2Hx9pQ4vL7mZ3wR"), read(SharedSettings.INTERNAL_API_KEY, "k2Hx9pQ4vL7mZ3wR"));
  }

  @Test
  void trustedProxiesAreParsedAtOnce() {
    assertThrows(
        IllegalArgumentException.class, () -> read(SharedSettings.TRUSTED_PROXIES, "proxy.lan"));
    assertEquals(
        "203.0.113.9",
        read(SharedSettings.TRUSTED_PROXIES, "10.0.0.0/8").clientOf("10.1.2.3", "203.0.113.9"));
  }
}

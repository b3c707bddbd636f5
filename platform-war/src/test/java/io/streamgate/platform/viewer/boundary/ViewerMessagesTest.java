package io.streamgate.platform.viewer.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every language of the portal says everything English says, with the same placeholders. */
class ViewerMessagesTest {

  private static final Set<String> CODES =
      Set.of(
          "code-invalid",
          "code-expired",
          "code-revoked",
          "code-in-use",
          "event-unavailable",
          "unavailable");

  @Test
  void everyTranslationHasEveryKeyAndKeepsItsPlaceholders() {
    ResourceBundle english = ResourceBundle.getBundle(ViewerLocale.BUNDLE, Locale.ENGLISH);
    for (Locale language : ViewerLocale.SUPPORTED) {
      ResourceBundle bundle = ResourceBundle.getBundle(ViewerLocale.BUNDLE, language);
      assertEquals(language.getLanguage(), bundle.getLocale().getLanguage(), "its own file");
      for (String key : Collections.list(english.getKeys())) {
        assertTrue(bundle.keySet().contains(key), language + " lacks " + key);
        assertEquals(
            english.getString(key).contains("{0}"),
            bundle.getString(key).contains("{0}"),
            language + " " + key);
      }
      Set<String> translatedCodes = new TreeSet<>();
      for (String key : bundle.keySet()) {
        if (key.startsWith("js.error.")) {
          translatedCodes.add(key.substring("js.error.".length()));
        }
      }
      if (!language.equals(Locale.ENGLISH)) {
        assertEquals(new TreeSet<>(CODES), translatedCodes, language + ": the API's codes");
      }
    }
  }

  @Test
  void onlyTheFourLanguagesAreSupportedWhateverTheSpelling() {
    assertEquals(Locale.GERMAN, ViewerLocale.supported("de-AT").orElseThrow());
    assertEquals(Locale.FRENCH, ViewerLocale.supported(" FR ").orElseThrow());
    assertEquals("es", ViewerLocale.supported("es-419").orElseThrow().getLanguage());
    for (String other : new String[] {null, "", "xx", "d e", "../de", "e\u0000s", "x".repeat(40)}) {
      assertTrue(ViewerLocale.supported(other).isEmpty(), String.valueOf(other));
    }
  }
}

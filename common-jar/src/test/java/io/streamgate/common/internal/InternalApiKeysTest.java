package io.streamgate.common.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InternalApiKeysTest {

  private static final String KEY = "k3y-of-twenty-chars!";

  @Test
  void theConfiguredKeyMatches() {
    assertTrue(InternalApiKeys.matches(KEY, KEY));
  }

  @Test
  void anyOtherKeyDoesNot() {
    assertFalse(InternalApiKeys.matches(KEY, KEY + "x"));
    assertFalse(InternalApiKeys.matches(KEY, KEY.substring(1)));
    assertFalse(InternalApiKeys.matches(KEY, KEY.toUpperCase()));
    assertFalse(InternalApiKeys.matches(KEY, ""));
    assertFalse(InternalApiKeys.matches(KEY, null));
  }

  @Test
  void withoutAUsableConfiguredKeyNothingMatches() {
    assertFalse(InternalApiKeys.matches(null, null));
    assertFalse(InternalApiKeys.matches("", ""));
    assertFalse(InternalApiKeys.matches("short", "short"), "keys under 16 characters are refused");
  }

  @Test
  void aPlaceholderCopiedFromAnExampleFileIsNoKey() {
    String example = "REPLACE-with-at-least-16-random-characters";
    assertFalse(InternalApiKeys.matches(example, example), "docker/.env.example's placeholder");
    assertFalse(InternalApiKeys.matches("changeme-changeme-1", "changeme-changeme-1"));
    assertFalse(InternalApiKeys.matches("aaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa"));
    assertTrue(InternalApiKeys.problem(example).orElseThrow().contains("placeholder"));
    assertTrue(InternalApiKeys.problem(KEY).isEmpty());
  }
}

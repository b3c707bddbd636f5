package io.streamgate.media.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeysAddressTest {

  @Test
  void plainHttpToAnotherMachineIsUnprotected() {
    assertTrue(KeysAddress.of("http://10.0.0.5:8080").unprotected());
    assertTrue(KeysAddress.of("http://platform.example.com/").unprotected());
    assertTrue(KeysAddress.of("HTTP://127.0.0.1.example.com").unprotected());
  }

  @Test
  void httpsAndLoopbackAreNot() {
    assertFalse(KeysAddress.of("https://platform.example.com").unprotected());
    assertFalse(KeysAddress.of("http://127.0.0.1:8080").unprotected());
    assertFalse(KeysAddress.of("http://localhost:8080/").unprotected());
    assertFalse(KeysAddress.of("http://[::1]:8080").unprotected());
  }

  @Test
  void theKeysAreUnderApiKeys() {
    assertEquals(
        "http://127.0.0.1:8080/api/keys",
        KeysAddress.of("http://127.0.0.1:8080//").keys().toString());
  }
}

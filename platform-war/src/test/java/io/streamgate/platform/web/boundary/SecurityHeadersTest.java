package io.streamgate.platform.web.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

  @Test
  void withTheMediaServerOnTheSameOriginOnlyThisOriginIsAllowed() {
    String policy = SecurityHeaders.policy(Optional.empty());
    assertTrue(policy.contains("connect-src 'self';"), policy);
    assertTrue(policy.contains("media-src 'self' blob:;"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertTrue(policy.contains("object-src 'none'"), policy);
    assertFalse(policy.contains("unsafe-eval"), policy);
  }

  @Test
  void aMediaServerOnAnotherPortMayBeFetchedAndPlayedOnAnyHostName() {
    String source = SecurityHeaders.mediaSource("https://media.example.com:8443/");
    assertEquals("https://*:8443", source);
    String policy = SecurityHeaders.policy(Optional.of(source));
    assertTrue(policy.contains("connect-src 'self' https://*:8443;"), policy);
    assertTrue(policy.contains("media-src 'self' blob: https://*:8443;"), policy);
    assertEquals("http://*", SecurityHeaders.mediaSource("http://10.0.0.5"));
  }
}

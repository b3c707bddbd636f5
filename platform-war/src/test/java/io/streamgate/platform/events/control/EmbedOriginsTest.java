package io.streamgate.platform.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.refusal.control.BadRequestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sites that may frame an event's player: origins only, rebuilt from their parts. */
class EmbedOriginsTest {

  @Test
  void originsAreKeptCanonicalInOrderWithoutRepeats() {
    assertEquals(
        List.of(
            "https://www.example.org", "http://127.0.0.1:8081", "https://shop.example.org:8443"),
        EmbedOrigins.of(
            List.of(
                " HTTPS://WWW.Example.org/ ",
                "http://127.0.0.1:8081",
                "https://www.example.org:443",
                "https://shop.example.org:8443")));
    assertEquals(List.of(), EmbedOrigins.of(List.of()));
  }

  @Test
  void anythingButAnOriginIsRefusedWithTheValueNamed() {
    for (String bad :
        List.of(
            "www.example.org",
            "ftp://example.org",
            "https://example.org/page",
            "https://example.org/?x=1",
            "https://example.org/#top",
            "https://user:pw@example.org",
            "https://*.example.org",
            "*",
            "'self'",
            "https://example.org; script-src *",
            "https://example.org https://evil.example",
            "https://exa\u0000mple.org",
            "https://example.org:99999",
            "https://example.org:0",
            "http://[::1]:3000",
            "https://-bad-.example.org",
            "data:text/html,x",
            "")) {
      BadRequestException refused =
          assertThrows(BadRequestException.class, () -> EmbedOrigins.of(List.of(bad)), bad);
      assertTrue(
          refused.getMessage().startsWith("Embedding sites must be origins such as https://"),
          refused.getMessage());
    }
    List<String> withNull = new ArrayList<>(Collections.singletonList(null));
    assertThrows(BadRequestException.class, () -> EmbedOrigins.of(withNull));
  }

  @Test
  void atMostTwentySites() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      many.add("https://site" + i + ".example.org");
    }
    assertEquals(20, EmbedOrigins.of(many.subList(0, 20)).size());
    assertEquals(
        "At most 20 sites may embed an event.",
        assertThrows(BadRequestException.class, () -> EmbedOrigins.of(many)).getMessage());
  }

  @Test
  void theColumnHoldsThemSeparatedBySpaces() {
    List<String> origins = List.of("https://a.example", "http://b.example:81");
    assertEquals("https://a.example http://b.example:81", EmbedOrigins.column(origins));
    assertEquals(origins, EmbedOrigins.stored(EmbedOrigins.column(origins)));
    assertEquals(null, EmbedOrigins.column(List.of()));
    assertEquals(List.of(), EmbedOrigins.stored(null));
  }
}

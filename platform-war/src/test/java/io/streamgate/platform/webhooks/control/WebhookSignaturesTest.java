package io.streamgate.platform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** StreamGate's signatures, checked by the Standard Webhooks reference verifier. */
class WebhookSignaturesTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void theReferenceVerifierAcceptsOurSignatureAndRefusesAChangedBody() throws Exception {
    String secret = WebhookSignatures.newSecret(random);
    assertTrue(secret.matches("whsec_[A-Za-z0-9+/]{43}="), secret);
    long now = Instant.now().getEpochSecond();
    String body = "{\"type\":\"code.redeemed\",\"data\":{\"eventId\":\"é\"}}";
    Map<String, List<String>> headers =
        headers("msg_1", now, WebhookSignatures.sign("msg_1", now, body, List.of(secret)));

    new Webhook(secret).verify(body, headers);
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(secret).verify(body.replace("é", "e"), headers));
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(WebhookSignatures.newSecret(random)).verify(body, headers));
  }

  @Test
  void duringARotationBothSecretsVerify() throws Exception {
    String current = WebhookSignatures.newSecret(random);
    String previous = WebhookSignatures.newSecret(random);
    long now = Instant.now().getEpochSecond();
    String signature = WebhookSignatures.sign("msg_2", now, "{}", List.of(current, previous));
    assertEquals(2, signature.split(" ").length);
    Map<String, List<String>> headers = headers("msg_2", now, signature);
    new Webhook(current).verify("{}", headers);
    new Webhook(previous).verify("{}", headers);
  }

  @Test
  void retriesWaitFourTimesLongerEachTimeUpToFourHoursAndLastADay() {
    assertEquals(1, WebhookAttempts.waitAfter(1).toSeconds());
    assertEquals(4, WebhookAttempts.waitAfter(2).toSeconds());
    assertEquals(16, WebhookAttempts.waitAfter(3).toSeconds());
    assertEquals(4 * 3600, WebhookAttempts.waitAfter(9).toSeconds());
    assertEquals(4 * 3600, WebhookAttempts.waitAfter(500).toSeconds());
    long total = 0;
    int attempts = 0;
    while (total <= WebhookOutbox.RETRY_FOR.toSeconds()) {
      total += WebhookAttempts.waitAfter(++attempts).toSeconds();
    }
    assertTrue(attempts >= 10 && attempts <= 16, attempts + " attempts in a day");
  }

  @Test
  void onlyHttpUrlsWithAHostAndNoCredentialsAreTaken() {
    assertEquals(
        "https://shop.example/hooks?x=1", Webhooks.url(" https://shop.example/hooks?x=1 "));
    for (String bad :
        List.of(
            "",
            "shop.example/hooks",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "ftp://shop.example/",
            "http:///hooks",
            "https://user:secret@shop.example/",
            "https://shop.example/#x",
            "https://shop.example/" + "a".repeat(2000))) {
      assertThrows(WebhookRefusedException.class, () -> Webhooks.url(bad), bad);
    }
    assertThrows(WebhookRefusedException.class, () -> Webhooks.types(List.of()));
    assertThrows(WebhookRefusedException.class, () -> Webhooks.types(List.of("code.*")));
    assertEquals(2, Webhooks.types(List.of("code.redeemed", "event.live", "event.live")).size());
  }

  private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
    return Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(timestamp)),
        "webhook-signature", List.of(signature));
  }
}

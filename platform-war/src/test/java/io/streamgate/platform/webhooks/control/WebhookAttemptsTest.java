package io.streamgate.platform.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** What a delivery carries when its endpoint changed since it was queued, and what is kept. */
class WebhookAttemptsTest {

  @Test
  void aCodeQueuedForAnEndpointThatNoLongerWantsCodesIsNotSent() {
    String queued =
        "{\"type\":\"code.revoked\",\"timestamp\":\"t\",\"data\":{\"codeId\":\"id\",\"code\":\"ABCDEFGHJKMN\"}}";
    String sent = WebhookAttempts.withoutCode(queued);
    assertFalse(sent.contains("ABCDEFGHJKMN"), sent);
    assertEquals(
        "{\"type\":\"code.revoked\",\"timestamp\":\"t\",\"data\":{\"codeId\":\"id\"}}", sent);
    String withoutCode = "{\"type\":\"codes.generated\",\"data\":{\"count\":3}}";
    assertEquals(withoutCode, WebhookAttempts.withoutCode(withoutCode));
  }

  @Test
  void answersKeepTheirLinesButNoOtherControlCharacters() {
    assertEquals("ok\nline\t2 \uFFFD\uFFFD", AnswerHead.printable("ok\nline\t2 \u0000\u001b"));
  }
}

package io.streamgate.platform.sessions.control;

import io.streamgate.platform.analytics.entity.EndReason;
import io.streamgate.platform.codes.control.CodeWebhooks;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Instant;

/** What webhooks say about sessions: started, ended (and why), in the caller's transaction. */
@ApplicationScoped
public class SessionWebhooks {

  @Inject CodeWebhooks codes;

  public boolean wanted(WebhookType type) {
    return codes.wanted(type);
  }

  void started(AccessCode code, String sessionId, Instant at) {
    codes.publish(
        WebhookType.SESSION_STARTED,
        code,
        at,
        Json.createObjectBuilder().add("sessionId", sessionId));
  }

  void ended(AccessCode code, String sessionId, EndReason reason, Instant at) {
    codes.publish(
        WebhookType.SESSION_ENDED,
        code,
        at,
        Json.createObjectBuilder().add("sessionId", sessionId).add("reason", reason.wire()));
  }
}

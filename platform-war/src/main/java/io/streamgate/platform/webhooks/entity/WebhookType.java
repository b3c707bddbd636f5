package io.streamgate.platform.webhooks.entity;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook reports, by the name its payload's {@code type} carries. */
public enum WebhookType {
  CODE_REDEEMED("code.redeemed"),
  CODE_REVOKED("code.revoked"),
  CODE_RESTORED("code.restored"),
  CODES_GENERATED("codes.generated"),
  SESSION_STARTED("session.started"),
  SESSION_ENDED("session.ended"),
  EVENT_LIVE("event.live"),
  EVENT_ENDED("event.ended"),
  EVENT_DEACTIVATED("event.deactivated");

  private final String wire;

  WebhookType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<WebhookType> ofWire(String name) {
    return Arrays.stream(values()).filter(type -> type.wire.equals(name)).findFirst();
  }
}

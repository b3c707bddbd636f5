package io.streamgate.platform.analytics.entity;

/** Why a viewer session ended, as webhooks ({@code session.ended}) and analytics name it. */
public enum EndReason {
  RELEASED("released"),
  TAKEN_OVER("taken_over"),
  TIMED_OUT("timed_out"),
  TOKEN_SHARING("token_sharing"),
  ADMIN("admin");

  private final String wire;

  EndReason(String wire) {
    this.wire = wire;
  }

  /** The name in JSON, webhooks and the database. */
  public String wire() {
    return wire;
  }

  /** The reason a stored name stands for; a name this version does not know reads as timed out. */
  public static EndReason ofWire(String wire) {
    for (EndReason reason : values()) {
      if (reason.wire.equals(wire)) {
        return reason;
      }
    }
    return TIMED_OUT;
  }
}

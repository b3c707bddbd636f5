package io.streamgate.platform.codes.entity;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The specification's code statuses, as a JPQL condition on a code {@code c} at {@code :now}:
 * revoked first, then expired, then redeemed, else unused. {@link AccessCode#status} is the same
 * rule for one code in memory.
 */
public enum CodeStatus {
  UNUSED("c.revoked = false AND c.expiresAt >= :now AND c.redeemedAt IS NULL"),
  REDEEMED("c.revoked = false AND c.expiresAt >= :now AND c.redeemedAt IS NOT NULL"),
  EXPIRED("c.revoked = false AND c.expiresAt < :now"),
  REVOKED("c.revoked = true");

  private final String condition;

  CodeStatus(String condition) {
    this.condition = condition;
  }

  /** The JPQL condition; it uses the parameter {@code :now} unless the status is REVOKED. */
  public String condition() {
    return condition;
  }

  /** The status of a code with these fields at {@code now}. */
  public static CodeStatus of(boolean revoked, Instant expiresAt, Instant redeemedAt, Instant now) {
    if (revoked) {
      return REVOKED;
    }
    if (expiresAt.isBefore(now)) {
      return EXPIRED;
    }
    return redeemedAt != null ? REDEEMED : UNUSED;
  }

  public boolean needsNow() {
    return this != REVOKED;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CodeStatus> ofLabel(String label) {
    return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(label)).findFirst();
  }
}

package io.streamgate.platform.events.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What events need to know about and do to their codes. The codes component sits above events (a
 * code belongs to an event) and implements this; events only ever see counts and a new expiry.
 */
public interface EventCodes {

  /** How many codes have each status. */
  record StatusCounts(long unused, long redeemed, long expired, long revoked) {
    public long total() {
      return unused + redeemed + expired + revoked;
    }
  }

  /** The event's codes by status. */
  StatusCounts counts(String eventId);

  /** Code counts of the given events, by event id; events without codes are absent. */
  Map<String, Long> totals(List<String> eventIds);

  /** How many codes the event has. */
  long total(String eventId);

  /** Every code of the event now expires at {@code expiresAt}, in the caller's transaction. */
  void expireAt(String eventId, Instant expiresAt);
}

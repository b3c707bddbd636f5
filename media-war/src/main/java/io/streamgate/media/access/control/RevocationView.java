package io.streamgate.media.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This media server's view of who may no longer watch: revoked codes, deactivated events and ended
 * viewer sessions. Answers from local memory on every request; whatever keeps it current (the data
 * grid, or polling the platform from outside it) writes through the update methods.
 */
@ApplicationScoped
public class RevocationView {

  private final Set<String> revokedCodes = ConcurrentHashMap.newKeySet();
  private final Set<String> deactivatedEvents = ConcurrentHashMap.newKeySet();
  private final Set<String> endedSessions = ConcurrentHashMap.newKeySet();
  private volatile Instant syncedAt;

  /** True when a token with these claims must not play. Probe tokens have no code or session. */
  public boolean refuses(String code, String eventId, String sessionId) {
    return deactivatedEvents.contains(eventId)
        || (code != null && revokedCodes.contains(code))
        || (sessionId != null && endedSessions.contains(sessionId));
  }

  public void revokeCode(String code) {
    revokedCodes.add(code);
  }

  public void restoreCode(String code) {
    revokedCodes.remove(code);
  }

  public void deactivateEvent(String eventId) {
    deactivatedEvents.add(eventId);
  }

  public void reactivateEvent(String eventId) {
    deactivatedEvents.remove(eventId);
  }

  public void endSession(String sessionId) {
    endedSessions.add(sessionId);
  }

  public void forgetSession(String sessionId) {
    endedSessions.remove(sessionId);
  }

  /** Marks the view as current as of {@code at} (a successful poll, or a grid snapshot). */
  public void synced(Instant at) {
    syncedAt = at;
  }

  /** When the view was last known to be current; empty before the first sync. */
  public Optional<Instant> syncedAt() {
    return Optional.ofNullable(syncedAt);
  }

  /** Entries held, for health. */
  public int size() {
    return revokedCodes.size() + deactivatedEvents.size() + endedSessions.size();
  }
}

package io.streamgate.media.access.control;

import io.streamgate.common.grid.AccessView;
import io.streamgate.common.grid.AccessView.Kind;
import io.streamgate.common.playback.PlaybackClaims;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This media server's view of who may no longer watch: revoked codes (by their opaque id, the
 * tokens' {@code sub}), deactivated events and ended viewer sessions. Answers from local memory on
 * every request; whatever keeps it current (the data grid, or polling the platform from outside it)
 * writes through the update methods. A token minted before subjects were opaque names its code by
 * the code itself, which this view cannot match against revocations: it is refused, and the player
 * renews it at the platform (which finds the code through the session).
 */
@ApplicationScoped
public class RevocationView {

  private final Set<String> revokedCodes = ConcurrentHashMap.newKeySet();
  private final Set<String> deactivatedEvents = ConcurrentHashMap.newKeySet();
  private final Set<String> endedSessions = ConcurrentHashMap.newKeySet();
  private volatile Instant syncedAt;

  /**
   * True when a token with these claims must not play. Probe tokens have no code or session.
   *
   * @param codeId the token's {@code sub}: the code's opaque id
   */
  public boolean refuses(String codeId, String eventId, String sessionId) {
    return deactivatedEvents.contains(eventId)
        || (codeId != null && (revokedCodes.contains(codeId) || !PlaybackClaims.isCodeId(codeId)))
        || (sessionId != null && endedSessions.contains(sessionId));
  }

  public void revokeCode(String codeId) {
    revokedCodes.add(codeId);
  }

  public void restoreCode(String codeId) {
    revokedCodes.remove(codeId);
  }

  /** Refuses the session's tokens (it was released or taken over). */
  public void endSession(String sessionId) {
    endedSessions.add(sessionId);
  }

  /** Forgets an ended session, once no token of it can be valid any more. */
  public void forgetSession(String sessionId) {
    endedSessions.remove(sessionId);
  }

  public void deactivateEvent(String eventId) {
    deactivatedEvents.add(eventId);
  }

  public void reactivateEvent(String eventId) {
    deactivatedEvents.remove(eventId);
  }

  /** Adds the entry a grid key ({@link AccessView}) stands for; unknown keys are ignored. */
  public void add(String key) {
    refusal(key).ifPresent(entry -> setOf(entry.kind()).add(entry.id()));
  }

  /** Removes the entry a grid key stands for. */
  public void remove(String key) {
    refusal(key).ifPresent(entry -> setOf(entry.kind()).remove(entry.id()));
  }

  /** The entry of a key that refuses; event origins ({@code source:}) are not kept here. */
  private static Optional<AccessView.Entry> refusal(String key) {
    return AccessView.parse(key).filter(entry -> REFUSING.contains(entry.kind()));
  }

  private static final Set<Kind> REFUSING = EnumSet.of(Kind.CODE, Kind.EVENT, Kind.SESSION);

  /**
   * Makes the view hold exactly the entries of these grid keys. New entries are added before stale
   * ones go, so nothing that stays refused is allowed for a moment in between.
   */
  public void replaceWith(Collection<String> keys) {
    Map<Kind, Set<String>> wanted = new EnumMap<>(Kind.class);
    for (Kind kind : REFUSING) {
      wanted.put(kind, new HashSet<>());
    }
    keys.stream()
        .map(RevocationView::refusal)
        .flatMap(Optional::stream)
        .forEach(entry -> wanted.get(entry.kind()).add(entry.id()));
    wanted.forEach(
        (kind, ids) -> {
          Set<String> set = setOf(kind);
          set.addAll(ids);
          set.retainAll(ids);
        });
  }

  private Set<String> setOf(Kind kind) {
    return switch (kind) {
      case CODE -> revokedCodes;
      case EVENT -> deactivatedEvents;
      case SESSION -> endedSessions;
      case SOURCE -> throw new IllegalArgumentException("not a refusal");
    };
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

package io.streamgate.platform.revocation.control;

import io.streamgate.common.Spec;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.revocation.entity.AccessChange;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed since a poller's last visit. Per code, event and session only the latest change
 * counts, so a code revoked and restored in between comes out restored. The returned {@code
 * serverTime} is the moment the query started minus {@code REVOCATION_FEED_OVERLAP_SECONDS}: a
 * change stamped just before the query but committed just after it is in the next answer too.
 * Pollers get some changes twice and apply them idempotently; none is skipped.
 *
 * <p>The feed holds no access code: codes are named by their opaque id, the {@code sub} of their
 * tokens. Ended sessions (released, taken over) come with the time they ended, and only while a
 * token of theirs can still be valid. Events changed since come with their own origin folder (or
 * null), so edge media servers route their files as grid members do.
 */
@ApplicationScoped
public class RevocationFeed {

  public record Feed(
      List<CodeRevocation> revocations,
      List<CodeRestoration> restorations,
      List<EventDeactivation> eventDeactivations,
      List<EventReactivation> eventReactivations,
      List<EndedSession> endedSessions,
      List<EventSource> eventSources,
      Instant serverTime) {}

  public record CodeRevocation(String codeId, Instant revokedAt) {}

  public record CodeRestoration(String codeId, Instant restoredAt) {}

  public record EventDeactivation(String eventId, Instant deactivatedAt) {}

  public record EventReactivation(String eventId, Instant reactivatedAt) {}

  /** A session whose tokens must be refused until they expire. */
  public record EndedSession(String sessionId, Instant endedAt) {}

  /**
   * The origin folder an event's files come from ({@link StreamSource}); null when it names none
   * (the media server's own folder and {@code UPSTREAM_ORIGIN}).
   */
  public record EventSource(String eventId, @JsonbNillable String source) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  long overlapSeconds;

  @Inject
  void configure(PlatformSettings settings) {
    overlapSeconds = settings.revocationFeedOverlapSeconds();
  }

  public Feed since(Instant since) {
    Instant now = clock.instant();
    Instant serverTime = now.minus(Duration.ofSeconds(overlapSeconds));
    Map<String, AccessChange> latest = new LinkedHashMap<>();
    for (AccessChange change :
        em.createNamedQuery(AccessChange.SINCE, AccessChange.class)
            .setParameter("since", since)
            .setParameter("sessionEnded", AccessChange.Kind.SESSION_ENDED)
            .setParameter("sessionsSince", now.minus(Spec.TOKEN_REACH))
            .getResultList()) {
      latest.remove(change.target());
      latest.put(change.target(), change);
    }
    List<CodeRevocation> revocations = new ArrayList<>();
    List<CodeRestoration> restorations = new ArrayList<>();
    List<EventDeactivation> deactivations = new ArrayList<>();
    List<EventReactivation> reactivations = new ArrayList<>();
    List<EndedSession> endedSessions = new ArrayList<>();
    for (AccessChange change : latest.values()) {
      switch (change.kind()) {
        case CODE_REVOKED ->
            revocations.add(new CodeRevocation(change.codeId(), change.changedAt()));
        case CODE_RESTORED ->
            restorations.add(new CodeRestoration(change.codeId(), change.changedAt()));
        case EVENT_DEACTIVATED ->
            deactivations.add(new EventDeactivation(change.eventId(), change.changedAt()));
        case EVENT_REACTIVATED ->
            reactivations.add(new EventReactivation(change.eventId(), change.changedAt()));
        case SESSION_ENDED ->
            endedSessions.add(new EndedSession(change.sessionId(), change.changedAt()));
      }
    }
    List<EventSource> sources = new ArrayList<>();
    for (Object[] row :
        em.createNamedQuery(Event.UPDATED_SINCE, Object[].class)
            .setParameter("since", since)
            .getResultList()) {
      sources.add(
          new EventSource((String) row[0], StreamSource.folderOf((String) row[1]).orElse(null)));
    }
    return new Feed(
        revocations,
        restorations,
        deactivations,
        reactivations,
        endedSessions,
        sources,
        serverTime);
  }
}

package io.streamgate.platform.revocation.control;

import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.revocation.entity.AccessChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What changed since a poller's last visit. Per code and per event only the latest change counts,
 * so a code revoked and restored in between comes out restored. The returned {@code serverTime} is
 * the moment the query started minus {@code REVOCATION_FEED_OVERLAP_SECONDS}: a change stamped just
 * before the query but committed just after it is in the next answer too. Pollers get some changes
 * twice and apply them idempotently; none is skipped.
 */
@ApplicationScoped
public class RevocationFeed {

  public record Feed(
      List<CodeRevocation> revocations,
      List<CodeRestoration> restorations,
      List<EventDeactivation> eventDeactivations,
      List<EventReactivation> eventReactivations,
      Instant serverTime) {}

  public record CodeRevocation(String code, Instant revokedAt) {}

  public record CodeRestoration(String code, Instant restoredAt) {}

  /** With every code of the event, for pollers that only match codes. */
  public record EventDeactivation(String eventId, Instant deactivatedAt, List<String> tokenCodes) {}

  public record EventReactivation(String eventId, Instant reactivatedAt) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "REVOCATION_FEED_OVERLAP_SECONDS", defaultValue = "30")
  long overlapSeconds;

  public Feed since(Instant since) {
    Instant serverTime = clock.instant().minus(Duration.ofSeconds(overlapSeconds));
    Map<String, AccessChange> latest = new LinkedHashMap<>();
    for (AccessChange change :
        em.createNamedQuery(AccessChange.SINCE, AccessChange.class)
            .setParameter("since", since)
            .getResultList()) {
      latest.remove(change.target());
      latest.put(change.target(), change);
    }
    List<CodeRevocation> revocations = new ArrayList<>();
    List<CodeRestoration> restorations = new ArrayList<>();
    List<EventDeactivation> deactivations = new ArrayList<>();
    List<EventReactivation> reactivations = new ArrayList<>();
    for (AccessChange change : latest.values()) {
      switch (change.kind()) {
        case CODE_REVOKED -> revocations.add(new CodeRevocation(change.code(), change.changedAt()));
        case CODE_RESTORED ->
            restorations.add(new CodeRestoration(change.code(), change.changedAt()));
        case EVENT_DEACTIVATED ->
            deactivations.add(
                new EventDeactivation(
                    change.eventId(), change.changedAt(), codesOf(change.eventId())));
        case EVENT_REACTIVATED ->
            reactivations.add(new EventReactivation(change.eventId(), change.changedAt()));
      }
    }
    return new Feed(revocations, restorations, deactivations, reactivations, serverTime);
  }

  private List<String> codesOf(String eventId) {
    return em.createNamedQuery(AccessCode.ALL_OF_EVENT, String.class)
        .setParameter("eventId", eventId)
        .getResultList();
  }
}

package io.streamgate.platform.revocation.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.streamgate.common.Spec;
import io.streamgate.common.grid.AccessView;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.common.playback.StreamSource;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.control.EventSourceChanged;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.sessions.control.SessionEnded;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes who may no longer watch into the data grid's {@link AccessView} map, right after the
 * database commit of each change, so every media member refuses within milliseconds. Revoked codes
 * stay until no token of theirs can be valid any more; deactivated events until reactivated; ended
 * sessions until the longest token they could have issued has expired; each event's own origin
 * while it names one. {@link #reconcile()} makes the map match the database again (on start and
 * after a grid split has healed).
 */
@ApplicationScoped
public class AccessViewPublisher {

  private static final Logger LOG = Logger.getLogger(AccessViewPublisher.class.getName());

  static final int WRITES_IN_FLIGHT = 1000;

  /** Ids per IN (...) query: well below what every database accepts as parameters. */
  static final int QUERY_CHUNK = 500;

  @Inject HazelcastInstance grid;

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  private IMap<String, Long> view;

  @PostConstruct
  void connect() {
    view = grid.getMap(AccessView.MAP);
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccessChanged change) {
    try {
      switch (change.kind()) {
        case CODE_REVOKED ->
            view.set(
                AccessView.codeKey(change.codeId()),
                change.at().toEpochMilli(),
                codeLifetime(change.codeExpiresAt()),
                TimeUnit.MILLISECONDS);
        case CODE_RESTORED -> view.delete(AccessView.codeKey(change.codeId()));
        case EVENT_DEACTIVATED ->
            view.set(AccessView.eventKey(change.eventId()), change.at().toEpochMilli());
        case EVENT_REACTIVATED -> view.delete(AccessView.eventKey(change.eventId()));
        case SESSION_ENDED -> {} // published by ended(SessionEnded)
      }
    } catch (RuntimeException e) {
      // The database holds the change; the next reconcile (start, merge) publishes it.
      LOG.log(Level.WARNING, "Access change not published to the data grid: " + change.kind(), e);
    }
  }

  void sourceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventSourceChanged change) {
    try {
      // The new key first: a media member never finds the event without its origin in between.
      if (change.after() != null) {
        view.set(AccessView.sourceKey(change.eventId(), change.after()), clock.millis());
      }
      if (change.before() != null) {
        view.delete(AccessView.sourceKey(change.eventId(), change.before()));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Event origin not published to the data grid", e);
    }
  }

  void ended(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded ended) {
    try {
      view.set(
          AccessView.sessionKey(ended.sessionId()),
          clock.millis(),
          Spec.TOKEN_REACH.toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Ended session not published to the data grid", e);
    }
  }

  /**
   * Makes the map's codes and events match the database: publishes what is missing and removes what
   * the database no longer holds as revoked or deactivated. Keys of codes and events that no longer
   * exist stay until their time to live ends. Ended sessions are not in the database and are left
   * alone.
   */
  public void reconcile() {
    // The grid first, then the database: a change committed in between is then either seen in
    // the database (and its grid write repeated harmlessly) or already in what was read from the
    // grid; read the other way round, a restore in between would be published as revoked again.
    Set<String> present = new HashSet<>(view.keySet());
    Instant now = clock.instant();
    Map<String, Long> wanted = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(AccessCode.REVOKED_UNEXPIRED, Object[].class)
            .setParameter("since", now.minus(Spec.TOKEN_REACH))
            .getResultList()) {
      wanted.put(AccessView.codeKey((String) row[0]), codeLifetime((Instant) row[1]));
    }
    for (String eventId : em.createNamedQuery(Event.DEACTIVATED, String.class).getResultList()) {
      wanted.put(AccessView.eventKey(eventId), 0L);
    }
    for (Object[] row :
        em.createNamedQuery(Event.WITH_STREAM_URL, Object[].class).getResultList()) {
      StreamSource.folderOf((String) row[1])
          .ifPresent(folder -> wanted.put(AccessView.sourceKey((String) row[0], folder), 0L));
    }
    List<Supplier<CompletionStage<?>>> writes = new ArrayList<>();
    long stamp = now.toEpochMilli();
    wanted.forEach(
        (key, ttl) -> {
          if (!present.contains(key)) {
            writes.add(() -> view.setAsync(key, stamp, ttl, TimeUnit.MILLISECONDS));
          }
        });
    int added = writes.size();
    List<String> stale = present.stream().filter(key -> !wanted.containsKey(key)).toList();
    List<String> unwanted = new ArrayList<>(stillExisting(stale));
    unwanted.addAll(rawCodeKeys(stale));
    unwanted.addAll(ofKind(stale, AccessView.Kind.SOURCE));
    for (String key : unwanted) {
      writes.add(() -> view.removeAsync(key));
    }
    int removed = writes.size() - added;
    // A bounded number in flight, so that 100,000 revoked codes do not flood the grid's queues.
    for (int from = 0; from < writes.size(); from += WRITES_IN_FLIGHT) {
      CompletableFuture.allOf(
              writes.subList(from, Math.min(writes.size(), from + WRITES_IN_FLIGHT)).stream()
                  .map(write -> write.get().toCompletableFuture())
                  .toArray(CompletableFuture[]::new))
          .join();
    }
    LOG.log(
        Level.INFO,
        "Access view reconciled with the database: {0} entries, {1} added, {2} removed",
        new Object[] {wanted.size(), added, removed});
  }

  /**
   * The keys among these whose code or event still exists: not wanted any more, they were restored
   * or reactivated meanwhile. Keys of deleted codes and events are not among them (they stay until
   * their time to live ends), nor are ended sessions. Asked in chunks, not key by key.
   */
  private List<String> stillExisting(List<String> keys) {
    List<String> codes = new ArrayList<>();
    List<String> events = new ArrayList<>();
    for (String key : keys) {
      AccessView.parse(key)
          .ifPresent(
              entry -> {
                switch (entry.kind()) {
                  case CODE -> codes.add(entry.id());
                  case EVENT -> events.add(entry.id());
                  case SESSION, SOURCE -> {}
                }
              });
    }
    List<String> existing = new ArrayList<>();
    for (String codeId : existing(AccessCode.EXISTING_IDS, codes)) {
      existing.add(AccessView.codeKey(codeId));
    }
    for (String event : existing(Event.EXISTING, events)) {
      existing.add(AccessView.eventKey(event));
    }
    return existing;
  }

  /**
   * Keys written by versions that named codes by the code itself: nothing reads them any more
   * (media servers refuse tokens whose subject is a code), and a code does not belong in the grid.
   */
  private static List<String> rawCodeKeys(List<String> keys) {
    return keys.stream()
        .filter(
            key ->
                AccessView.parse(key)
                    .filter(entry -> entry.kind() == AccessView.Kind.CODE)
                    .filter(entry -> !PlaybackClaims.isCodeId(entry.id()))
                    .isPresent())
        .toList();
  }

  /** The keys of this kind: origins not wanted any more are removed whether or not events exist. */
  private static List<String> ofKind(List<String> keys, AccessView.Kind kind) {
    return keys.stream()
        .filter(key -> AccessView.parse(key).filter(entry -> entry.kind() == kind).isPresent())
        .toList();
  }

  private List<String> existing(String query, List<String> ids) {
    List<String> found = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += QUERY_CHUNK) {
      found.addAll(
          em.createNamedQuery(query, String.class)
              .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + QUERY_CHUNK)))
              .getResultList());
    }
    return found;
  }

  /** Until no token of a code expiring at {@code expiresAt} can still be valid; at least 1 ms. */
  private long codeLifetime(Instant expiresAt) {
    return Math.max(
        1, Duration.between(clock.instant(), expiresAt.plus(Spec.TOKEN_REACH)).toMillis());
  }
}

package io.streamgate.platform.sessions.control;

import io.streamgate.common.grid.SharingReport;
import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.analytics.control.ViewingRecords;
import io.streamgate.platform.analytics.entity.EndReason;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.persistence.control.DatabaseOutages;
import io.streamgate.platform.sessions.entity.TokenSharing;
import io.streamgate.platform.sessions.entity.ViewerSession;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps sessions alive and releases them. */
@ApplicationScoped
public class ViewerSessions {

  /** How far back the viewers lists show sessions seen played by several clients at once. */
  public static final Duration SHARING_SHOWN = Duration.ofDays(1);

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject AuditTrail audit;

  @Inject jakarta.enterprise.event.Event<SessionEnded> ended;

  @Inject SessionPolicy policy;

  @Inject SessionWebhooks webhooks;

  @Inject HeartbeatWrites heartbeatWrites;

  @Inject ViewingRecords records;

  /** The heartbeats' writer thread, with the application's context for its transactions. */
  @Resource ManagedThreadFactory threads;

  /** Heartbeats written together; at most this many sessions in one UPDATE. */
  static final int HEARTBEATS_PER_WRITE = 200;

  /**
   * How long a heartbeat waits for its write before it is answered 503: well within a stopping
   * platform's grace for requests under way.
   */
  static final Duration HEARTBEAT_WAIT = Duration.ofSeconds(5);

  private GroupCommit heartbeats;

  @PostConstruct
  void start() {
    heartbeats =
        new GroupCommit(
            threads,
            heartbeatWrites::touch,
            // A batch that met a deadlock (a deleted event's sessions) goes again session by
            // session; with the database away it would only fail 200 times slower.
            failure -> !DatabaseOutages.outage(failure),
            HEARTBEATS_PER_WRITE,
            SessionRefusedException::unavailable);
  }

  @PreDestroy
  void stop() {
    heartbeats.close();
  }

  /**
   * Moves the session's last heartbeat to now, in a transaction shared with the heartbeats that
   * arrive at the same moment ({@link GroupCommit}: one UPDATE for all of them, answered once it is
   * committed). When it touched nothing, the session is gone: 403 when it was ended for token
   * sharing, 409 when another device holds the code now, 404 when nobody does.
   */
  public void heartbeat(PlaybackClaims caller) {
    if (!heartbeats.submit(caller.sid(), HEARTBEAT_WAIT)) {
      if (endedForSharing(caller.sid())) {
        throw SessionRefusedException.shared();
      }
      throw heldByAnother(caller)
          ? SessionRefusedException.conflict()
          : SessionRefusedException.notFound();
    }
  }

  /**
   * Frees the code for another device; releasing a session that is gone is not an error. The
   * session is found by its id alone; the code (for the audit entry) through the session.
   */
  @Transactional
  public boolean release(PlaybackClaims caller, String clientIp) {
    List<AccessCode> codes =
        em.createQuery(
                "SELECT s.accessCode FROM ViewerSession s WHERE s.sessionId = :sid",
                AccessCode.class)
            .setParameter("sid", caller.sid())
            .getResultList();
    boolean released =
        !codes.isEmpty()
            && em.createNamedQuery(ViewerSession.RELEASE)
                    .setParameter("sid", caller.sid())
                    .executeUpdate()
                > 0;
    if (released) {
      ended(codes.get(0), caller.sid(), EndReason.RELEASED);
      audit.record(
          AuditTrail.VIEWER,
          "session-release",
          AuditTrail.hashed(codes.get(0).code()),
          clientIp,
          AuditTrail.session(caller.sid()));
    }
    return released;
  }

  /** The sessions of an event whose device sent a heartbeat within the timeout, newest first. */
  public List<ViewerSession> liveOfEvent(String eventId) {
    return em.createNamedQuery(ViewerSession.LIVE_OF_EVENT, ViewerSession.class)
        .setParameter("eventId", eventId)
        .setParameter("since", clock.instant().minus(policy.timeout()))
        .getResultList();
  }

  /** How many devices watch each event now, by event id; events nobody watches are absent. */
  public Map<String, Long> liveCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    em.createNamedQuery(ViewerSession.LIVE_COUNTS, Object[].class)
        .setParameter("since", clock.instant().minus(policy.timeout()))
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    return counts;
  }

  /**
   * An admin ends a session so that its holder's code can be used on another device at once (the
   * common support request); media servers refuse the ended session's token like any other.
   */
  @Transactional
  public void releaseForAdmin(String id, String actor, String clientIp) {
    ViewerSession session = id == null ? null : em.find(ViewerSession.class, id);
    if (session == null) {
      throw SessionRefusedException.unknown();
    }
    String sid = session.sessionId();
    String code = session.accessCode().code();
    em.remove(session);
    ended(session.accessCode(), sid, EndReason.ADMIN);
    audit.record(
        actor, "session-release", AuditTrail.hashed(code), clientIp, AuditTrail.session(sid));
  }

  /** The code's session, if a device sent a heartbeat within the timeout: it is watching now. */
  public Optional<ViewerSession> liveOfCode(AccessCode code) {
    Instant since = clock.instant().minus(policy.timeout());
    return em.createNamedQuery(ViewerSession.OF_CODE, ViewerSession.class)
        .setParameter("code", code)
        .getResultStream()
        .filter(session -> !session.lastHeartbeat().isBefore(since))
        .findFirst();
  }

  /**
   * Ends the code's session, live or stale, as {@link #releaseForAdmin} does; answers whether it
   * had one.
   */
  @Transactional
  public boolean releaseOfCode(AccessCode code, String actor, String clientIp) {
    Optional<ViewerSession> session =
        em.createNamedQuery(ViewerSession.OF_CODE, ViewerSession.class)
            .setParameter("code", code)
            .getResultStream()
            .findFirst();
    session.ifPresent(held -> releaseForAdmin(held.id(), actor, clientIp));
    return session.isPresent();
  }

  /** Whether the caller's session still holds its code (the refresh check). */
  public void requireCurrent(AccessCode code, PlaybackClaims caller) {
    Optional<ViewerSession> session =
        em.createNamedQuery(ViewerSession.OF_CODE, ViewerSession.class)
            .setParameter("code", code)
            .getResultStream()
            .findFirst();
    if (session.isPresent() && session.get().sessionId().equals(caller.sid())) {
      return;
    }
    if (endedForSharing(caller.sid())) {
      throw SessionRefusedException.shared();
    }
    throw session.isPresent()
        ? SessionRefusedException.conflict()
        : SessionRefusedException.notFound();
  }

  /**
   * A media server saw the session's token played by several clients at once. {@code END}: the
   * session ends like a release (its code is free for its owner at once, media servers refuse its
   * tokens, its heartbeat answers why); {@code FLAG}: it plays on, marked for the admin. Audited
   * either way. Acts once per session: a session already ended, or already reported, is left alone.
   *
   * @return whether this call acted
   */
  @Transactional
  public boolean sharingReported(String sessionId, SharingReport report) {
    Optional<ViewerSession> found =
        em.createNamedQuery(ViewerSession.BY_SESSION_ID, ViewerSession.class)
            .setParameter("sid", sessionId)
            .getResultStream()
            .findFirst();
    if (found.isEmpty() || em.find(TokenSharing.class, sessionId) != null) {
      return false;
    }
    ViewerSession session = found.get();
    boolean end = report.action() == SharingReport.Action.END;
    em.persist(
        new TokenSharing(
            session,
            end ? TokenSharing.Action.ENDED : TokenSharing.Action.FLAGGED,
            report.clients(),
            clock.instant()));
    if (end) {
      em.remove(session);
      ended(session.accessCode(), sessionId, EndReason.TOKEN_SHARING);
    }
    audit.record(
        AuditTrail.MEDIA,
        end ? "token-sharing-ended" : "token-sharing-flagged",
        AuditTrail.hashed(session.accessCode().code()),
        session.clientIp(),
        report.clients() + " clients at once, " + AuditTrail.session(sessionId));
    return true;
  }

  /** The event's sessions seen played by several clients at once, within {@code within}. */
  public List<TokenSharing> sharingOfEvent(String eventId, Duration within) {
    return em.createNamedQuery(TokenSharing.OF_EVENT, TokenSharing.class)
        .setParameter("eventId", eventId)
        .setParameter("since", clock.instant().minus(within))
        .getResultList();
  }

  /**
   * A session ended now, in the caller's transaction: its tokens stop playing (media servers hear
   * of it after the commit), webhooks say why, its viewing record closes.
   */
  private void ended(AccessCode code, String sessionId, EndReason reason) {
    Instant now = clock.instant();
    ended.fire(new SessionEnded(sessionId));
    webhooks.ended(code, sessionId, reason, now);
    records.ended(sessionId, reason, now);
  }

  private boolean endedForSharing(String sessionId) {
    TokenSharing sharing = sessionId == null ? null : em.find(TokenSharing.class, sessionId);
    return sharing != null && sharing.ended();
  }

  /**
   * Whether a device holds the caller's code, by the code id the token names. A token minted before
   * subjects were opaque cannot tell (its session is gone, and its code is not looked up from what
   * it carries): it gets "not found", and the player ends as for a lapsed session.
   */
  private boolean heldByAnother(PlaybackClaims caller) {
    return !caller.legacySubject()
        && !em.createQuery(
                "SELECT s.sessionId FROM ViewerSession s WHERE s.accessCode.id = :codeId",
                String.class)
            .setParameter("codeId", caller.sub())
            .getResultList()
            .isEmpty();
  }
}

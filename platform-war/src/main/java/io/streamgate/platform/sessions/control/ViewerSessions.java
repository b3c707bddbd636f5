package io.streamgate.platform.sessions.control;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.sessions.entity.ViewerSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps sessions alive and releases them. */
@ApplicationScoped
public class ViewerSessions {

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject AuditTrail audit;

  @Inject jakarta.enterprise.event.Event<SessionEnded> ended;

  @Inject SessionPolicy policy;

  /**
   * One UPDATE in the common case. When it touches nothing, the session is gone: 409 when another
   * device holds the code now, 404 when nobody does.
   */
  @Transactional
  public void heartbeat(PlaybackClaims caller) {
    int updated =
        em.createNamedQuery(ViewerSession.HEARTBEAT)
            .setParameter("now", clock.instant())
            .setParameter("sid", caller.sid())
            .executeUpdate();
    if (updated == 0) {
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
    List<String> codes =
        em.createQuery(
                "SELECT s.accessCode.code FROM ViewerSession s WHERE s.sessionId = :sid",
                String.class)
            .setParameter("sid", caller.sid())
            .getResultList();
    boolean released =
        !codes.isEmpty()
            && em.createNamedQuery(ViewerSession.RELEASE)
                    .setParameter("sid", caller.sid())
                    .executeUpdate()
                > 0;
    if (released) {
      ended.fire(new SessionEnded(caller.sid()));
      audit.record(
          AuditTrail.VIEWER, "session-release", AuditTrail.hashed(codes.get(0)), clientIp, null);
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
    ended.fire(new SessionEnded(sid));
    audit.record(actor, "session-release", AuditTrail.hashed(code), clientIp, null);
  }

  /** Whether the caller's session still holds its code (the refresh check). */
  public void requireCurrent(AccessCode code, PlaybackClaims caller) {
    ViewerSession session =
        em.createNamedQuery(ViewerSession.OF_CODE, ViewerSession.class)
            .setParameter("code", code)
            .getResultStream()
            .findFirst()
            .orElseThrow(SessionRefusedException::notFound);
    if (!session.sessionId().equals(caller.sid())) {
      throw SessionRefusedException.conflict();
    }
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

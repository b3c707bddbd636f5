package io.streamgate.platform.sessions.control;

import io.streamgate.common.playback.PlaybackClaims;
import io.streamgate.platform.analytics.control.ViewingRecords;
import io.streamgate.platform.analytics.entity.EndReason;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.control.CodeRefusedException;
import io.streamgate.platform.codes.control.CodeWebhooks;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.sessions.entity.ViewerSession;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The single-device claim, in one transaction: the code's row is locked (SELECT ... FOR UPDATE on
 * H2 and PostgreSQL alike), so concurrent redeems of one code queue up and each sees what the one
 * before it committed. A live session refuses the claim, a stale one is taken over.
 */
@ApplicationScoped
public class CodeClaims {

  /**
   * What a successful claim hands on for minting the token: the code by its opaque id, which is all
   * a token may name.
   */
  public record Claim(String codeId, Event event, String sessionId, Instant accessEndsAt) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject SessionPolicy policy;

  @Inject AuditTrail audit;

  @Inject jakarta.enterprise.event.Event<SessionEnded> ended;

  @Inject SessionWebhooks webhooks;

  @Inject CodeWebhooks codeWebhooks;

  @Inject ViewingRecords records;

  @Transactional
  public Claim claim(String code, String forEvent, String clientIp, String userAgent) {
    Instant now = clock.instant();
    AccessCode found = find(code, LockModeType.PESSIMISTIC_WRITE);
    // Another event's code is refused as such, before its own state (expired, revoked) is told.
    if (forEvent != null && !forEvent.equals(found.event().id())) {
      throw CodeRefusedException.otherEvent();
    }
    AccessCode accessCode = requireUsable(found, now);
    ViewerSession session =
        em.createNamedQuery(ViewerSession.OF_CODE, ViewerSession.class)
            .setParameter("code", accessCode)
            .getResultStream()
            .findFirst()
            .orElse(null);
    String action = "session-start";
    String details = null;
    if (session == null) {
      session = new ViewerSession(accessCode, clientIp, userAgent, now);
      em.persist(session);
    } else if (session.isLive(now, policy.timeout())) {
      throw CodeRefusedException.inUse();
    } else {
      ended.fire(new SessionEnded(session.sessionId()));
      if (!session.endReported()) {
        webhooks.ended(accessCode, session.sessionId(), EndReason.TAKEN_OVER, now);
      }
      // The earlier device went silent: it stopped watching at its last heartbeat.
      records.ended(session.sessionId(), EndReason.TAKEN_OVER, session.lastHeartbeat());
      details = ", took over " + AuditTrail.session(session.sessionId());
      session.takeOver(clientIp, userAgent, now);
      action = "session-takeover";
    }
    audit.record(
        AuditTrail.VIEWER,
        action,
        AuditTrail.hashed(code),
        clientIp,
        AuditTrail.session(session.sessionId()) + (details == null ? "" : details));
    accessCode.redeem(now, clientIp);
    codeWebhooks.publish(WebhookType.CODE_REDEEMED, accessCode, now);
    webhooks.started(accessCode, session.sessionId(), now);
    records.started(session.sessionId(), accessCode.event().id(), clientIp, userAgent, now);
    return new Claim(
        accessCode.id(), accessCode.event(), session.sessionId(), accessCode.expiresAt());
  }

  /**
   * The code, checked in the specification's order: exists, not expired, not revoked, event active.
   * Refusals are thrown.
   */
  public AccessCode usable(String code, Instant now, LockModeType lock) {
    return requireUsable(find(code, lock), now);
  }

  private AccessCode find(String code, LockModeType lock) {
    String query = lock == LockModeType.NONE ? AccessCode.BY_CODE : AccessCode.TO_CLAIM;
    return em.createNamedQuery(query, AccessCode.class)
        .setParameter("code", code)
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .orElseThrow(CodeRefusedException::invalid);
  }

  /** The code a playback token stands for (see {@link #ofToken}), checked likewise. */
  public AccessCode usable(PlaybackClaims token, Instant now) {
    return requireUsable(ofToken(token).orElseThrow(CodeRefusedException::invalid), now);
  }

  /** The found code, or the refusal for one that is expired, revoked or of an inactive event. */
  public static AccessCode requireUsable(AccessCode accessCode, Instant now) {
    if (!now.isBefore(accessCode.expiresAt())) {
      throw CodeRefusedException.expired(accessCode.expiresAt());
    }
    if (accessCode.revoked()) {
      throw CodeRefusedException.revoked();
    }
    if (!accessCode.event().active()) {
      throw CodeRefusedException.eventUnavailable();
    }
    return accessCode;
  }

  /**
   * The code a viewer's playback token stands for, with its event: by the code id in {@code sub}. A
   * token minted before subjects were opaque finds its code through its session instead (while that
   * session holds it), never through what the token carries. Empty when the code is gone.
   */
  public Optional<AccessCode> ofToken(PlaybackClaims token) {
    if (token.legacySubject()) {
      return em.createNamedQuery(ViewerSession.BY_SESSION_ID, ViewerSession.class)
          .setParameter("sid", token.sid())
          .getResultStream()
          .findFirst()
          .map(ViewerSession::accessCode);
    }
    return em.createNamedQuery(AccessCode.BY_ID, AccessCode.class)
        .setParameter("id", token.sub())
        .getResultStream()
        .findFirst();
  }
}

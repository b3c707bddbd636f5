package io.streamgate.platform.revocation.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.revocation.entity.AccessChange;
import io.streamgate.platform.revocation.entity.AccessChange.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Revokes and restores codes, deactivates and reactivates events. Each change updates its row,
 * appends to the access-change log and the audit trail in one transaction, and is announced with
 * {@link AccessChanged}. Repeating a change that is already in force changes nothing.
 */
@ApplicationScoped
@Transactional
public class Revocations {

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;

  @Inject jakarta.enterprise.event.Event<AccessChanged> changes;

  @Inject Clock clock;

  /** True when the code was usable and is revoked now. */
  public boolean revokeCode(String code, String actor, String ip) {
    AccessCode found = code(code);
    Instant now = clock.instant();
    return found.revoke(now) && logged(Kind.CODE_REVOKED, found, actor, ip);
  }

  /** True when the code was revoked and is usable again. */
  public boolean restoreCode(String code, String actor, String ip) {
    AccessCode found = code(code);
    Instant now = clock.instant();
    return found.restore(now) && logged(Kind.CODE_RESTORED, found, actor, ip);
  }

  /** True when the event was active and is closed to every code now. */
  public boolean deactivateEvent(String eventId, String actor, String ip) {
    Event event = event(eventId);
    return event.deactivate(clock.instant())
        && logged(Kind.EVENT_DEACTIVATED, eventId, null, actor, ip);
  }

  /** True when the event was deactivated and is open again. */
  public boolean reactivateEvent(String eventId, String actor, String ip) {
    Event event = event(eventId);
    return event.reactivate(clock.instant())
        && logged(Kind.EVENT_REACTIVATED, eventId, null, actor, ip);
  }

  private boolean logged(Kind kind, AccessCode code, String actor, String ip) {
    return logged(kind, code.event().id(), code.code(), actor, ip);
  }

  /**
   * Appends the change as the transaction's last write, stamped with the time of that write: the
   * feed's overlap only has to cover the commit itself, not the whole transaction.
   */
  private boolean logged(Kind kind, String eventId, String code, String actor, String ip) {
    String target = code == null ? "event:" + eventId : AuditTrail.hashed(code);
    audit.record(actor, kind.name().toLowerCase().replace('_', '-'), target, ip, null);
    Instant at = clock.instant();
    em.persist(
        code == null
            ? AccessChange.ofEvent(kind, eventId, at)
            : AccessChange.ofCode(kind, eventId, code, at));
    changes.fire(new AccessChanged(kind, eventId, code, at));
    return true;
  }

  private AccessCode code(String typed) {
    String code = AccessCodeCodec.normalise(typed).orElseThrow(UnknownTargetException::code);
    List<AccessCode> found =
        em.createNamedQuery(AccessCode.BY_CODE, AccessCode.class)
            .setParameter("code", code)
            .getResultList();
    if (found.isEmpty()) {
      throw UnknownTargetException.code();
    }
    return found.get(0);
  }

  private Event event(String eventId) {
    Event event = eventId == null ? null : em.find(Event.class, eventId);
    if (event == null) {
      throw UnknownTargetException.event();
    }
    return event;
  }
}

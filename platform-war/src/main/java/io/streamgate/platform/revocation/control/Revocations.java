package io.streamgate.platform.revocation.control;

import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.control.AccessCodes;
import io.streamgate.platform.codes.control.CodeWebhooks;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.control.EventWebhooks;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.UnknownTargetException;
import io.streamgate.platform.revocation.entity.AccessChange;
import io.streamgate.platform.revocation.entity.AccessChange.Kind;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

  @Inject CodeWebhooks codeWebhooks;

  @Inject EventWebhooks eventWebhooks;

  @Inject AccessCodes codes;

  @Inject jakarta.enterprise.event.Event<AccessChanged> changes;

  @Inject Clock clock;

  /** True when the code was usable and is revoked now. */
  public boolean revokeCode(String code, String actor, String ip) {
    return revoke(code(code), actor, ip);
  }

  /** Revokes the code with this id (the admin API's handle); answers its state afterwards. */
  public AccessCode revokeCodeWithId(String id, String actor, String ip) {
    AccessCode found = codeWithId(id);
    revoke(found, actor, ip);
    return found;
  }

  /**
   * Revokes every code with one of these ids, all or none: an unknown id refuses the whole request.
   * Answers how many were usable and are revoked now.
   */
  public int revokeCodesWithIds(Collection<String> ids, String actor, String ip) {
    Set<String> wanted = new HashSet<>(ids);
    List<AccessCode> found =
        em.createNamedQuery(AccessCode.WITH_IDS, AccessCode.class)
            .setParameter("ids", wanted)
            .getResultList();
    if (found.size() != wanted.size()) {
      throw UnknownTargetException.code();
    }
    int revoked = 0;
    for (AccessCode code : found) {
      if (revoke(code, actor, ip)) {
        revoked++;
      }
    }
    return revoked;
  }

  /** True when the code was revoked and is usable again; expired codes cannot be restored. */
  public boolean restoreCode(String code, String actor, String ip) {
    return restore(code(code), actor, ip);
  }

  /** Restores the code with this id; answers its state afterwards. */
  public AccessCode restoreCodeWithId(String id, String actor, String ip) {
    AccessCode found = codeWithId(id);
    restore(found, actor, ip);
    return found;
  }

  private boolean revoke(AccessCode found, String actor, String ip) {
    if (!found.revoke(clock.instant())) {
      return false;
    }
    record(Kind.CODE_REVOKED, found.event().id(), found, actor, ip);
    return true;
  }

  private boolean restore(AccessCode found, String actor, String ip) {
    Instant now = clock.instant();
    if (found.revoked() && !now.isBefore(found.expiresAt())) {
      throw new BadRequestException(
          "This code has expired; only codes that have not can be restored.");
    }
    if (!found.restore(now)) {
      return false;
    }
    record(Kind.CODE_RESTORED, found.event().id(), found, actor, ip);
    return true;
  }

  /** True when the event was active and is closed to every code now. */
  public boolean deactivateEvent(String eventId, String actor, String ip) {
    if (!event(eventId).deactivate(clock.instant())) {
      return false;
    }
    record(Kind.EVENT_DEACTIVATED, eventId, null, actor, ip);
    return true;
  }

  /** True when the event was deactivated and is open again. */
  public boolean reactivateEvent(String eventId, String actor, String ip) {
    if (!event(eventId).reactivate(clock.instant())) {
      return false;
    }
    record(Kind.EVENT_REACTIVATED, eventId, null, actor, ip);
    return true;
  }

  /**
   * Audits the change and appends it to the log as the transaction's last write, stamped with the
   * time of that write: the feed's overlap only has to cover the commit itself, not the whole
   * transaction.
   */
  private void record(Kind kind, String eventId, AccessCode accessCode, String actor, String ip) {
    String target = accessCode == null ? "event:" + eventId : AuditTrail.hashed(accessCode.code());
    audit.record(actor, kind.name().toLowerCase().replace('_', '-'), target, ip, null);
    Instant at = clock.instant();
    // Media servers learn codes by their ids, as tokens name them: the log and the feed hold no
    // code.
    String codeId = accessCode == null ? null : accessCode.id();
    em.persist(
        codeId == null
            ? AccessChange.ofEvent(kind, eventId, at)
            : AccessChange.ofCode(kind, eventId, codeId, at));
    switch (kind) {
      case CODE_REVOKED -> codeWebhooks.publish(WebhookType.CODE_REVOKED, accessCode, at);
      case CODE_RESTORED -> codeWebhooks.publish(WebhookType.CODE_RESTORED, accessCode, at);
      case EVENT_DEACTIVATED ->
          eventWebhooks.publish(WebhookType.EVENT_DEACTIVATED, em.find(Event.class, eventId), at);
      default -> {} // reactivations have no webhook
    }
    changes.fire(
        new AccessChanged(
            kind, eventId, codeId, accessCode == null ? null : accessCode.expiresAt(), at));
  }

  private AccessCode code(String typed) {
    return codes.find(typed).orElseThrow(UnknownTargetException::code);
  }

  private AccessCode codeWithId(String id) {
    AccessCode found = id == null ? null : em.find(AccessCode.class, id);
    if (found == null) {
      throw UnknownTargetException.code();
    }
    return found;
  }

  private Event event(String eventId) {
    Event event = eventId == null ? null : em.find(Event.class, eventId);
    if (event == null) {
      throw UnknownTargetException.event();
    }
    return event;
  }
}

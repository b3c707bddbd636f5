package io.streamgate.platform.audit.control;

import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.audit.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Writes audit entries: within the caller's transaction when there is one (the entry then commits
 * or rolls back with what it records), in one of its own otherwise (refusals are recorded after the
 * refused transaction rolled back). Codes are stored hashed, never raw.
 */
@ApplicationScoped
public class AuditTrail {

  /** Who acted when no admin did. */
  public static final String VIEWER = "viewer";

  /** Who acted when a media server's report caused the change. */
  public static final String MEDIA = "media-server";

  /** Who acted when the platform itself did, on a schedule (a viewer session timing out). */
  public static final String PLATFORM = "platform";

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Transactional
  public void record(String actor, String action, String target, String ip, String details) {
    em.persist(new AuditEntry(clock.instant(), actor, action, target, ip, details));
  }

  /** How an entry about a viewer session names it: {@code session <id>}. */
  public static String session(String sessionId) {
    return "session " + sessionId;
  }

  /** A short, stable, non-reversible name for a code, for audit entries and logs. */
  public static String hashed(String code) {
    return AccessCodeCodec.fingerprint(code);
  }
}

package io.streamgate.platform.sessions.control;

import io.streamgate.platform.events.control.EventDeleting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Ends the viewer sessions of an event being deleted, in a short transaction of its own before the
 * deletion's cascade. Deleting an event with many codes takes a while, and its cascade would hold
 * the rows of the event's sessions locked all along: the one thread that writes every heartbeat of
 * this member ({@link GroupCommit}) would wait on them, and so would every other event's viewers.
 */
@ApplicationScoped
public class DeletedEventSessions {

  @PersistenceContext EntityManager em;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void end(@Observes EventDeleting deleting) {
    em.createQuery(
            "DELETE FROM ViewerSession s WHERE s.accessCode.id IN"
                + " (SELECT c.id FROM AccessCode c WHERE c.event.id = :eventId)")
        .setParameter("eventId", deleting.eventId())
        .executeUpdate();
  }
}

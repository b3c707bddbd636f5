package io.streamgate.platform.revocation.control;

import io.streamgate.platform.events.control.EventDeleting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Deactivates an event that is being deleted, before its row goes (see {@link EventDeleting}). */
@ApplicationScoped
public class DeletedEvents {

  @Inject Revocations revocations;

  void deactivate(@Observes EventDeleting deleting) {
    revocations.deactivateEvent(deleting.eventId(), deleting.actor(), deleting.ip());
  }
}

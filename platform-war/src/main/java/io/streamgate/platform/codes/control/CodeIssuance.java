package io.streamgate.platform.codes.control;

import io.streamgate.common.Spec;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.codes.entity.AccessCode;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.events.entity.Event;
import io.streamgate.platform.refusal.control.BadRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Generates an event's codes, with an audit entry. */
@ApplicationScoped
@Transactional
public class CodeIssuance {

  static final int MAX_LABEL = 200;

  @PersistenceContext EntityManager em;

  @Inject AuditTrail audit;

  @Inject Clock clock;

  @Inject CodeWebhooks webhooks;

  @Inject EventAdministration events;

  private final AccessCodeCodec codec = new AccessCodeCodec();

  /**
   * Whether a label fits: at most {@value #MAX_LABEL} characters, in lower case too (the key that
   * searches use; a few letters, such as a dotted capital I, grow when lower-cased).
   */
  public static boolean labelFits(String label) {
    return label.length() <= MAX_LABEL
        && label.toLowerCase(java.util.Locale.ROOT).length() <= MAX_LABEL;
  }

  /**
   * {@code count} new codes for the event, expiring when its access window closes. Codes are random
   * over 62^12; a clash with an existing one is generated again.
   */
  public List<AccessCode> generate(
      String eventId, int count, String label, String actor, String ip) {
    if (count < 1 || count > Spec.MAX_BATCH_CODES) {
      throw new BadRequestException("Count must be between 1 and " + Spec.MAX_BATCH_CODES + ".");
    }
    String cleanLabel = label == null || label.isBlank() ? null : label.strip();
    if (cleanLabel != null && !labelFits(cleanLabel)) {
      throw new BadRequestException("Label must have at most " + MAX_LABEL + " characters.");
    }
    Instant now = clock.instant();
    List<AccessCode> created =
        draw(events.find(eventId), Collections.nCopies(count, cleanLabel), now);
    audit.record(actor, "codes-generate", "event:" + eventId, ip, "count=" + count);
    webhooks.generated(eventId, count, cleanLabel, now);
    return created;
  }

  /**
   * One new code for each of {@code labels} (a label may be null), for codes handed to people one
   * by one (attendees e-mailed their ticket): audited and reported as one batch, {@code batch}.
   */
  public List<AccessCode> generateEach(
      String eventId, List<String> labels, String batch, String actor, String ip) {
    Instant now = clock.instant();
    List<AccessCode> created = draw(events.find(eventId), labels, now);
    audit.record(
        actor, "codes-generate", "event:" + eventId, ip, "count=" + labels.size() + " " + batch);
    webhooks.generated(eventId, labels.size(), batch, now);
    return created;
  }

  /**
   * New codes, one per label in order. Codes are random over 62^12; one query checks the whole
   * batch, and a clash (one in 62^12 per pair) is simply drawn again.
   */
  private List<AccessCode> draw(Event event, List<String> labels, Instant now) {
    List<AccessCode> created = new ArrayList<>(labels.size());
    while (created.size() < labels.size()) {
      Set<String> candidates = new HashSet<>();
      while (candidates.size() < labels.size() - created.size()) {
        candidates.add(codec.generate());
      }
      List<String> taken =
          em.createNamedQuery(AccessCode.EXISTING, String.class)
              .setParameter("ids", candidates)
              .getResultList();
      candidates.removeAll(taken);
      for (String code : candidates) {
        AccessCode accessCode = new AccessCode(code, event, labels.get(created.size()), now);
        em.persist(accessCode);
        created.add(accessCode);
      }
    }
    return created;
  }
}

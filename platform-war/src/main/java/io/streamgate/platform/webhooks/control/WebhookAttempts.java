package io.streamgate.platform.webhooks.control;

import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The sender's transactions: claiming due deliveries and recording how an attempt went. A claim is
 * a conditional UPDATE of the row's lease, so when several platform members look at once each row
 * goes to one of them; a member that dies mid-attempt leaves a lease that runs out, and another
 * member (or itself, restarted) tries again: at least once, never two members at once.
 */
@ApplicationScoped
public class WebhookAttempts {

  /** How long a claimed delivery is left to its member: well past one attempt's timeout. */
  static final Duration LEASE = Duration.ofSeconds(60);

  /** Retries wait 1 s, 4 s, 16 s, ... four times longer each time, at most this. */
  static final Duration LONGEST_WAIT = Duration.ofHours(4);

  /** One attempt: everything the sender needs, read in the claiming transaction. */
  public record Attempt(
      String deliveryId,
      String endpointId,
      String messageId,
      String url,
      String body,
      List<String> secrets) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  /**
   * Claims up to {@code max} due deliveries of active endpoints for this member, none of an
   * endpoint for which {@code room} says no (it has as many attempts under way as it may), counting
   * each claimed one with {@code taken}.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Attempt> claimDue(int max, Predicate<String> room, Consumer<String> taken) {
    Instant now = clock.instant();
    List<Object[]> due =
        em.createNamedQuery(WebhookDelivery.DUE, Object[].class)
            .setParameter("pending", WebhookDelivery.Status.PENDING)
            .setParameter("now", now)
            .setMaxResults(max * 4)
            .getResultList();
    List<Attempt> claimed = new ArrayList<>();
    for (Object[] row : due) {
      String id = (String) row[0];
      String endpointId = (String) row[1];
      if (claimed.size() == max || !room.test(endpointId)) {
        continue;
      }
      int won =
          em.createNamedQuery(WebhookDelivery.CLAIM)
              .setParameter("id", id)
              .setParameter("pending", WebhookDelivery.Status.PENDING)
              .setParameter("now", now)
              .setParameter("until", now.plus(LEASE))
              .executeUpdate();
      if (won == 1) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, id);
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null) {
          em.remove(delivery); // queued while its endpoint was being deleted
          continue;
        }
        taken.accept(endpointId);
        claimed.add(
            new Attempt(
                id,
                endpointId,
                delivery.messageId(),
                endpoint.url(),
                delivery.body(),
                endpoint.signingSecrets(now)));
      }
    }
    return claimed;
  }

  /**
   * Records an attempt: {@code statusCode} null when no answer came. 2xx is delivered; anything
   * else is tried again after {@link #waitAfter} the attempts so far, until the retry window ends.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(String deliveryId, Integer statusCode, int latencyMs, String answer) {
    WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
    if (delivery == null) {
      return; // its endpoint was deleted meanwhile
    }
    Instant now = clock.instant();
    if (statusCode != null && statusCode / 100 == 2) {
      delivery.delivered(now, statusCode, latencyMs, answer);
    } else {
      delivery.failed(
          now, statusCode, latencyMs, answer, now.plus(waitAfter(delivery.attempts() + 1)));
    }
  }

  /** How long to wait after the {@code attempt}-th failed attempt: 1 s, 4 s, 16 s, ... 4 h. */
  static Duration waitAfter(int attempt) {
    long seconds = 1;
    for (int i = 1; i < attempt && seconds < LONGEST_WAIT.toSeconds(); i++) {
      seconds *= 4;
    }
    return Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds()));
  }
}

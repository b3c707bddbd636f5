package io.streamgate.platform.webhooks.control;

import io.streamgate.platform.clock.control.Backoff;
import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  private static final Backoff RETRIES = new Backoff(Duration.ofSeconds(1), 4, LONGEST_WAIT);

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
   * Claims up to {@code max} due deliveries of active endpoints for this member, at most {@code
   * perEndpoint} under way of one endpoint counting the {@code underWay} ones: a slow endpoint's
   * backlog never stands in the way of the others (endpoints at their limit are left out of the
   * query itself).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Attempt> claimDue(int max, Map<String, Integer> underWay, int perEndpoint) {
    Instant now = clock.instant();
    Map<String, Integer> counts = new HashMap<>(underWay);
    Set<String> busy = new HashSet<>();
    counts.forEach(
        (endpoint, count) -> {
          if (count >= perEndpoint) {
            busy.add(endpoint);
          }
        });
    List<Object[]> due =
        em.createNamedQuery(WebhookDelivery.DUE, Object[].class)
            .setParameter("pending", WebhookDelivery.Status.PENDING)
            .setParameter("now", now)
            // An empty list is not valid SQL: a name no endpoint has stands for none.
            .setParameter("busy", busy.isEmpty() ? Set.of("-") : busy)
            .setMaxResults(max * 4)
            .getResultList();
    List<Attempt> claimed = new ArrayList<>();
    for (Object[] row : due) {
      String id = (String) row[0];
      String endpointId = (String) row[1];
      if (claimed.size() == max || counts.getOrDefault(endpointId, 0) >= perEndpoint) {
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
        counts.merge(endpointId, 1, Integer::sum);
        claimed.add(
            new Attempt(
                id,
                endpointId,
                delivery.messageId(),
                endpoint.url(),
                endpoint.includeCodes() ? delivery.body() : withoutCode(delivery.body()),
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

  /**
   * The body without {@code data.code}: the endpoint no longer asks for codes (changed since the
   * delivery was queued), so a retry or a redelivery must not carry one.
   */
  static String withoutCode(String body) {
    JsonObject message = Json.createReader(new StringReader(body)).readObject();
    JsonObject data = message.getJsonObject("data");
    if (data == null || !data.containsKey("code")) {
      return body;
    }
    return Json.createObjectBuilder(message)
        .add("data", Json.createObjectBuilder(data).remove("code"))
        .build()
        .toString();
  }

  /** How long to wait after the {@code attempt}-th failed attempt: 1 s, 4 s, 16 s, ... 4 h. */
  static Duration waitAfter(int attempt) {
    return RETRIES.after(attempt);
  }
}

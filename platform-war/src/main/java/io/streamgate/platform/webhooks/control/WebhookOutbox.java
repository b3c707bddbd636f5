package io.streamgate.platform.webhooks.control;

import com.hazelcast.core.HazelcastInstance;
import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The outbox: a change that webhooks report writes one delivery per endpoint that wants it, in the
 * change's own transaction, so that the report commits (or rolls back) with the change and outlives
 * a crash. Sending is {@link WebhookSender}'s, never the caller's: a slow receiver cannot slow a
 * redeem. Which types any active endpoint wants is looked up at most every {@link #FRESH_FOR}, and
 * again after any member changed an endpoint (told through the data grid), so a platform without
 * webhooks writes nothing.
 */
@ApplicationScoped
public class WebhookOutbox {

  /** How long the set of wanted types is trusted; a change on another member shows within it. */
  static final Duration FRESH_FOR = Duration.ofSeconds(2);

  /** How long a delivery is retried. */
  public static final Duration RETRY_FOR = Duration.ofHours(24);

  private record Wanted(Set<WebhookType> types, Instant loadedAt) {}

  /** The data grid topic on which members say that an endpoint changed. */
  static final String CHANGES = "streamgate-webhook-endpoints";

  @PersistenceContext EntityManager em;

  @Inject HazelcastInstance grid;

  @Inject Clock clock;

  private volatile Wanted wanted = new Wanted(Set.of(), Instant.EPOCH);

  private UUID listening;

  /** Whether any active endpoint wants {@code type}: callers skip building what nobody reads. */
  public boolean wanted(WebhookType type) {
    Wanted known = wanted;
    Instant now = clock.instant();
    if (!now.isBefore(known.loadedAt().plus(FRESH_FOR))) {
      Set<WebhookType> types = EnumSet.noneOf(WebhookType.class);
      em.createNamedQuery(WebhookEndpoint.ACTIVE, WebhookEndpoint.class)
          .getResultStream()
          .forEach(endpoint -> types.addAll(endpoint.types()));
      known = new Wanted(types, now);
      wanted = known;
    }
    return known.types().contains(type);
  }

  /** An endpoint changed on this member: the set of wanted types is looked up again. */
  record EndpointsChanged() {}

  /**
   * Once an endpoint's change is committed, every member looks the wanted types up again on its
   * next change: this one at once, the others when the data grid's topic tells them (a look between
   * the change and its commit would otherwise keep the old set for a while).
   */
  void forget(@Observes(during = TransactionPhase.AFTER_COMPLETION) EndpointsChanged changed) {
    forget();
    grid.<Long>getTopic(CHANGES).publish(clock.millis());
  }

  /** Listens, from the start, for endpoint changes made on other members. */
  void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
    listening = grid.<Long>getTopic(CHANGES).addMessageListener(message -> forget());
  }

  @PreDestroy
  void stopListening() {
    if (listening != null) {
      grid.getTopic(CHANGES).removeMessageListener(listening);
    }
  }

  private void forget() {
    wanted = new Wanted(Set.of(), Instant.EPOCH);
  }

  /**
   * Queues {@code {type, timestamp, data}} for every active endpoint that wants {@code type}, in
   * the caller's transaction. {@code code}, the raw access code the change is about (or null), is
   * added to {@code data} only for endpoints that asked for codes.
   */
  @Transactional
  public void publish(WebhookType type, JsonObject data, String code) {
    if (!wanted(type)) {
      return;
    }
    Instant now = clock.instant();
    String messageId = "msg_" + RandomIds.uuid().replace("-", "");
    for (WebhookEndpoint endpoint :
        em.createNamedQuery(WebhookEndpoint.ACTIVE, WebhookEndpoint.class).getResultList()) {
      if (endpoint.types().contains(type)) {
        JsonObjectBuilder payload = Json.createObjectBuilder(data);
        if (code != null && endpoint.includeCodes()) {
          payload.add("code", code);
        }
        String body =
            Json.createObjectBuilder()
                .add("type", type.wire())
                .add("timestamp", now.toString())
                .add("data", payload)
                .build()
                .toString();
        em.persist(new WebhookDelivery(endpoint, messageId, type, body, now, RETRY_FOR));
      }
    }
  }
}

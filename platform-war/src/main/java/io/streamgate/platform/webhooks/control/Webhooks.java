package io.streamgate.platform.webhooks.control;

import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.webhooks.entity.WebhookDelivery;
import io.streamgate.platform.webhooks.entity.WebhookEndpoint;
import io.streamgate.platform.webhooks.entity.WebhookType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Super admins' webhook endpoints: registered with a URL (checked for its form only, never fetched
 * on the request's thread) and the types wanted; the secret is answered once, at registration and
 * at each rotation. Their recent deliveries can be looked at and sent again.
 */
@ApplicationScoped
public class Webhooks {

  /** How long the secret before a rotation keeps signing deliveries beside the new one. */
  static final Duration OLD_SECRET_KEPT = Duration.ofHours(24);

  /** How many deliveries of an endpoint are listed. */
  public static final int DELIVERIES_SHOWN = 50;

  static final int URL_LONGEST = 2000;

  static final int DESCRIPTION_LONGEST = 200;

  /** An endpoint with the secret it signs with: answered only when the secret is new. */
  public record WithSecret(WebhookEndpoint endpoint, String secret) {}

  /** What an admin sets on an endpoint. */
  public record Fields(
      String url, String description, List<String> events, boolean includeCodes, boolean active) {}

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject AuditTrail audit;

  @Inject jakarta.enterprise.event.Event<WebhookOutbox.EndpointsChanged> endpointsChanged;

  private final SecureRandom random = new SecureRandom();

  public List<WebhookEndpoint> all() {
    return em.createNamedQuery(WebhookEndpoint.ALL, WebhookEndpoint.class).getResultList();
  }

  public WebhookEndpoint find(String id) {
    WebhookEndpoint endpoint = id == null ? null : em.find(WebhookEndpoint.class, id);
    if (endpoint == null) {
      throw WebhookRefusedException.unknownEndpoint();
    }
    return endpoint;
  }

  @Transactional
  public WithSecret create(Fields fields, String actor, String ip) {
    String secret = WebhookSignatures.newSecret(random);
    WebhookEndpoint endpoint = new WebhookEndpoint(secret, actor, clock.instant());
    apply(endpoint, fields);
    em.persist(endpoint);
    changed(actor, "webhook-create", endpoint, ip);
    return new WithSecret(endpoint, secret);
  }

  @Transactional
  public WebhookEndpoint update(String id, Fields fields, String actor, String ip) {
    WebhookEndpoint endpoint = find(id);
    apply(endpoint, fields);
    changed(actor, "webhook-update", endpoint, ip);
    return endpoint;
  }

  /** Removes the endpoint and its deliveries, sent or not. */
  @Transactional
  public void delete(String id, String actor, String ip) {
    WebhookEndpoint endpoint = find(id);
    em.createNamedQuery(WebhookDelivery.DELETE_OF_ENDPOINT)
        .setParameter("endpoint", id)
        .executeUpdate();
    em.remove(endpoint);
    changed(actor, "webhook-delete", endpoint, ip);
  }

  /** A new secret; deliveries carry a signature with the old one too for a day. */
  @Transactional
  public WithSecret rotateSecret(String id, String actor, String ip) {
    WebhookEndpoint endpoint = find(id);
    String secret = WebhookSignatures.newSecret(random);
    endpoint.rotate(secret, clock.instant().plus(OLD_SECRET_KEPT));
    changed(actor, "webhook-secret-rotate", endpoint, ip);
    return new WithSecret(endpoint, secret);
  }

  /** The endpoint's newest deliveries. */
  public List<WebhookDelivery> deliveries(String endpointId) {
    find(endpointId);
    return em.createNamedQuery(WebhookDelivery.OF_ENDPOINT, WebhookDelivery.class)
        .setParameter("endpoint", endpointId)
        .setMaxResults(DELIVERIES_SHOWN)
        .getResultList();
  }

  /** Sends the delivery again (same message id), with a fresh retry window. */
  @Transactional
  public WebhookDelivery redeliver(String endpointId, String deliveryId, String actor, String ip) {
    WebhookEndpoint endpoint = find(endpointId);
    WebhookDelivery delivery =
        deliveryId == null ? null : em.find(WebhookDelivery.class, deliveryId);
    if (delivery == null || !delivery.endpointId().equals(endpoint.id())) {
      throw WebhookRefusedException.unknownDelivery();
    }
    delivery.redeliver(clock.instant(), WebhookOutbox.RETRY_FOR);
    audit.record(actor, "webhook-redeliver", "webhook:" + endpoint.id(), ip, delivery.messageId());
    return delivery;
  }

  private void changed(String actor, String action, WebhookEndpoint endpoint, String ip) {
    // The host only: a URL's path or query may carry the receiver's own token.
    audit.record(
        actor, action, "webhook:" + endpoint.id(), ip, URI.create(endpoint.url()).getHost());
    endpointsChanged.fire(new WebhookOutbox.EndpointsChanged());
  }

  private static void apply(WebhookEndpoint endpoint, Fields fields) {
    String description = fields.description() == null ? null : fields.description().strip();
    if (description != null && description.length() > DESCRIPTION_LONGEST) {
      throw WebhookRefusedException.invalid(
          "description: at most " + DESCRIPTION_LONGEST + " characters.");
    }
    endpoint.change(
        url(fields.url()),
        description == null || description.isEmpty() ? null : description,
        types(fields.events()),
        fields.includeCodes(),
        fields.active());
  }

  /** An absolute http(s) URL with a host, without credentials or fragment; not fetched. */
  static String url(String given) {
    String url = given == null ? "" : given.strip();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw WebhookRefusedException.invalid("url: not a URL.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (url.length() > URL_LONGEST) {
      throw WebhookRefusedException.invalid("url: at most " + URL_LONGEST + " characters.");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw WebhookRefusedException.invalid("url: must start with http:// or https://.");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw WebhookRefusedException.invalid("url: names no host.");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw WebhookRefusedException.invalid("url: may not carry credentials or a fragment.");
    }
    return url;
  }

  /** The types named, each one known; at least one. */
  static Set<WebhookType> types(Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw WebhookRefusedException.invalid("events: name at least one of " + known() + ".");
    }
    Set<WebhookType> types = EnumSet.noneOf(WebhookType.class);
    for (String name : names) {
      types.add(
          WebhookType.ofWire(name)
              .orElseThrow(
                  () ->
                      WebhookRefusedException.invalid(
                          "events: unknown type (known: " + known() + ").")));
    }
    return types;
  }

  private static String known() {
    return Arrays.stream(WebhookType.values())
        .map(WebhookType::wire)
        .collect(Collectors.joining(", "));
  }
}

package io.streamgate.platform.webhooks.entity;

import io.streamgate.common.ids.RandomIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A receiver of webhooks: where they go, which types it wants, whether it may see raw codes, and
 * the secret its deliveries are signed with (the previous one too, for a day after a rotation).
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(
    name = WebhookEndpoint.ALL,
    query = "SELECT e FROM WebhookEndpoint e ORDER BY e.createdAt DESC, e.id")
@NamedQuery(
    name = WebhookEndpoint.ACTIVE,
    query = "SELECT e FROM WebhookEndpoint e WHERE e.active = TRUE")
public class WebhookEndpoint {

  public static final String ALL = "WebhookEndpoint.all";
  public static final String ACTIVE = "WebhookEndpoint.active";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 2000)
  private String url;

  @Column(length = 200)
  private String description;

  @Column(name = "event_types", nullable = false, length = 500)
  private String eventTypes;

  @Column(name = "include_codes", nullable = false)
  private boolean includeCodes;

  @Column(nullable = false)
  private boolean active;

  @Column(nullable = false, length = 100)
  private String secret;

  @Column(name = "previous_secret", length = 100)
  private String previousSecret;

  @Column(name = "previous_secret_until")
  private Instant previousSecretUntil;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Version private long version;

  protected WebhookEndpoint() {}

  public WebhookEndpoint(String secret, String createdBy, Instant now) {
    this.id = RandomIds.uuid();
    this.secret = secret;
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public void change(
      String url,
      String description,
      Set<WebhookType> types,
      boolean includeCodes,
      boolean active) {
    this.url = url;
    this.description = description;
    this.eventTypes =
        types.stream().map(WebhookType::wire).sorted().collect(Collectors.joining(","));
    this.includeCodes = includeCodes;
    this.active = active;
  }

  /** A new secret; the current one keeps signing too until {@code keepOldUntil}. */
  public void rotate(String newSecret, Instant keepOldUntil) {
    this.previousSecret = secret;
    this.previousSecretUntil = keepOldUntil;
    this.secret = newSecret;
  }

  /** The secrets a delivery made at {@code now} is signed with, newest first. */
  public List<String> signingSecrets(Instant now) {
    return previousSecret != null && now.isBefore(previousSecretUntil)
        ? List.of(secret, previousSecret)
        : List.of(secret);
  }

  public Set<WebhookType> types() {
    Set<WebhookType> types = EnumSet.noneOf(WebhookType.class);
    Arrays.stream(eventTypes.split(","))
        .map(WebhookType::ofWire)
        .forEach(type -> type.ifPresent(types::add));
    return types;
  }

  public String id() {
    return id;
  }

  public String url() {
    return url;
  }

  public String description() {
    return description;
  }

  public boolean includeCodes() {
    return includeCodes;
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public String secret() {
    return secret;
  }

  public long version() {
    return version;
  }
}

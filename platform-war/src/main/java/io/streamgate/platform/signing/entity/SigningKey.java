package io.streamgate.platform.signing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One RS256 key pair, stored as JWK JSON. */
@Entity
@Table(name = "signing_key")
@NamedQuery(
    name = SigningKey.ACTIVE,
    query = "SELECT k FROM SigningKey k WHERE k.retiredAt IS NULL ORDER BY k.createdAt DESC")
@NamedQuery(name = SigningKey.ALL, query = "SELECT k FROM SigningKey k ORDER BY k.createdAt DESC")
public class SigningKey {

  public static final String ACTIVE = "SigningKey.active";
  public static final String ALL = "SigningKey.all";

  @Id
  @Column(length = 64)
  private String kid;

  @Column(name = "public_jwk", nullable = false, length = 4000)
  private String publicJwk;

  @Column(name = "private_jwk", nullable = false, length = 8000)
  private String privateJwk;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "retired_at")
  private Instant retiredAt;

  protected SigningKey() {}

  public SigningKey(String kid, String publicJwk, String privateJwk, Instant createdAt) {
    this.kid = kid;
    this.publicJwk = publicJwk;
    this.privateJwk = privateJwk;
    this.createdAt = createdAt;
  }

  public String kid() {
    return kid;
  }

  public String privateJwk() {
    return privateJwk;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** When the key stopped verifying tokens; null while it is active. */
  public Instant retiredAt() {
    return retiredAt;
  }

  public boolean active() {
    return retiredAt == null;
  }

  /** From now on the key neither signs nor verifies. */
  public void retire(Instant now) {
    if (retiredAt == null) {
      retiredAt = now;
    }
  }
}

package io.streamgate.platform.signing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One RS256 key pair, stored as JWK JSON: the public half as is, the private half encrypted (see
 * {@code PrivateKeyCipher}) and dropped once the key is retired.
 */
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

  @Column(name = "private_jwk", length = 8000)
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

  /**
   * The stored private half (encrypted, or plain JSON from before encryption); null once retired.
   */
  public String privateJwk() {
    return privateJwk;
  }

  /** Replaces the stored private half by another form of the same key (its encrypted one). */
  public void storePrivate(String stored) {
    privateJwk = stored;
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

  /** From now on the key neither signs nor verifies, so its private half is of no more use. */
  public void retire(Instant now) {
    if (retiredAt == null) {
      retiredAt = now;
    }
    forgetPrivateHalf();
  }

  /** Deletes the private half (of a retired key, which never signs again). */
  public void forgetPrivateHalf() {
    privateJwk = null;
  }
}

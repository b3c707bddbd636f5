package io.streamgate.platform.signing.boundary;

import io.streamgate.platform.signing.entity.SigningKey;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A signing key as the admin API shows it (never its private part); retiredAt null while active.
 */
@JsonbNillable
@JsonbPropertyOrder({"kid", "createdAt", "retiredAt", "signing"})
public record KeyView(String kid, String createdAt, String retiredAt, boolean signing) {

  static KeyView of(SigningKey key, String signingKid) {
    return new KeyView(
        key.kid(),
        key.createdAt().toString(),
        key.retiredAt() == null ? null : key.retiredAt().toString(),
        key.kid().equals(signingKid));
  }

  /** {@code {data: key}}. */
  public record KeyData(KeyView data) {}

  /** {@code {data: [keys]}}. */
  public record KeysData(List<KeyView> data) {}
}

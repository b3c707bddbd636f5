package io.streamgate.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The at-rest format of private signing keys as DEPLOYMENT.md documents it, written out again here
 * (not taken from the platform) so that the tests hold the platform to the documented format:
 * {@code sgk1:} + base64url(12-byte nonce, AES-256-GCM ciphertext and tag), the key id as
 * associated data, the AES key HKDF-SHA256(salt "streamgate signing_key", info "sgk1 AES-256-GCM")
 * of {@code SIGNING_KEY_ENCRYPTION_KEY}.
 */
final class StoredSigningKeys {

  static final String PREFIX = "sgk1:";

  private final SecretKey key;

  StoredSigningKeys(String setting) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes("streamgate signing_key"), "HmacSHA256"));
      byte[] prk = mac.doFinal(bytes(setting));
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(bytes("sgk1 AES-256-GCM"));
      mac.update((byte) 1);
      this.key = new SecretKeySpec(mac.doFinal(), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The private JWK JSON of a stored value (plain values are returned as they are). */
  String open(String kid, String stored) {
    if (!stored.startsWith(PREFIX)) {
      return stored;
    }
    byte[] all = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      cipher.updateAAD(bytes(kid));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored key " + kid + " does not open", e);
    }
  }

  /** The stored form of a private JWK. */
  String seal(String kid, String privateJwk) {
    byte[] nonce = new byte[12];
    new SecureRandom().nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(bytes(kid));
      byte[] sealed = cipher.doFinal(bytes(privateJwk));
      return PREFIX
          + Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

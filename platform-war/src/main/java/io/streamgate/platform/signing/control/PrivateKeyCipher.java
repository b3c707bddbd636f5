package io.streamgate.platform.signing.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts private signing keys for the database with the key from {@code
 * SIGNING_KEY_ENCRYPTION_KEY}: AES-256-GCM (the JDK's), a fresh 96-bit nonce per value, the key id
 * as associated data (a value copied to another row does not open), stored as {@value #PREFIX}
 * followed by base64url(nonce, ciphertext and tag). The AES key is derived from the setting with
 * HKDF-SHA256, so any long random string works as the setting. Values written before encryption
 * existed are plain JWK JSON (they start with <code>{</code>) and are recognised as such.
 */
public final class PrivateKeyCipher {

  /** Marks an encrypted value, version 1 of the format. */
  public static final String PREFIX = "sgk1:";

  /** The shortest setting accepted: 32 random characters carry well over 128 bits. */
  public static final int MIN_SECRET_LENGTH = 32;

  static final String SETTING = "SIGNING_KEY_ENCRYPTION_KEY";

  private static final byte[] SALT = "streamgate signing_key".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INFO = "sgk1 AES-256-GCM".getBytes(StandardCharsets.UTF_8);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random;

  /**
   * @param secret the setting's value, at least {@value #MIN_SECRET_LENGTH} characters
   * @throws IllegalArgumentException naming the setting (never its value) when it is too short
   */
  public PrivateKeyCipher(String secret, SecureRandom random) {
    if (secret == null || secret.strip().length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          SETTING
              + " must be at least "
              + MIN_SECRET_LENGTH
              + " random characters (for example: head -c 32 /dev/urandom | base64)");
    }
    this.key = derive(secret.strip());
    this.random = random;
  }

  /** Whether a stored value is encrypted (else it is plain JWK JSON from before encryption). */
  public static boolean sealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  /** The private JWK of key {@code kid}, encrypted for the database. */
  public String seal(String kid, String privateJwk) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(privateJwk.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /**
   * The private JWK of key {@code kid} from its stored value.
   *
   * @throws WrongKeyException when the value was not encrypted with this key (or was altered)
   */
  public String open(String kid, String stored) {
    if (!sealed(stored)) {
      return stored;
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new WrongKeyException(kid);
    }
    if (bytes.length <= NONCE_BYTES) {
      throw new WrongKeyException(kid);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (AEADBadTagException e) {
      throw new WrongKeyException(kid);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** HKDF-SHA256 (RFC 5869), one 32-byte block. */
  private static SecretKey derive(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
      byte[] prk = mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(INFO);
      mac.update((byte) 1);
      return new SecretKeySpec(mac.doFinal(), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** An encrypted private key that this key does not open. The message names no secret. */
  public static class WrongKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    WrongKeyException(String kid) {
      super(
          SETTING
              + " does not decrypt the playback signing key "
              + kid
              + " in the database; set the key it was encrypted with");
    }
  }
}

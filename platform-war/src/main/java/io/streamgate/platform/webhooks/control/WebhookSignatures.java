package io.streamgate.platform.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signatures: secrets are {@code whsec_<base64 of 32 random bytes>}; a
 * delivery is signed {@code v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">}, once per secret
 * in use, space-separated.
 */
public final class WebhookSignatures {

  static final String PREFIX = "whsec_";

  private WebhookSignatures() {}

  public static String newSecret(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header for this delivery, signed with every secret given. */
  public static String sign(String messageId, long timestamp, String body, List<String> secrets) {
    byte[] signed = (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
    return secrets.stream()
        .map(secret -> "v1," + Base64.getEncoder().encodeToString(hmac(secret, signed)))
        .collect(Collectors.joining(" "));
  }

  private static byte[] hmac(String secret, byte[] signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(
              Base64.getDecoder().decode(secret.substring(PREFIX.length())), "HmacSHA256"));
      return mac.doFinal(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}

package io.streamgate.platform.devices.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stored form of enrollment codes and refresh tokens: HMAC-SHA256 keyed with {@code
 * REFRESH_TOKEN_PEPPER}, so that a copy of the database alone neither signs a device in nor lets
 * anyone test guesses offline. Without the setting a random pepper is made at start, with a
 * warning: devices then enroll again after a restart.
 */
@ApplicationScoped
public class TokenHashes {

  private static final System.Logger LOG = System.getLogger(TokenHashes.class.getName());
  private static final String ALGORITHM = "HmacSHA256";

  @Inject PlatformSettings settings;

  private SecretKeySpec pepper;

  @PostConstruct
  void init() {
    byte[] secret =
        settings
            .refreshTokenPepper()
            .map(value -> value.getBytes(StandardCharsets.UTF_8))
            .orElseGet(
                () -> {
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "REFRESH_TOKEN_PEPPER is not set: devices' refresh tokens and enrollment"
                          + " codes are hashed with a pepper made for this run; enrolled devices"
                          + " must enroll again after a restart");
                  byte[] made = new byte[32];
                  new SecureRandom().nextBytes(made);
                  return made;
                });
    pepper = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The hash under which an enrollment code is stored. */
  public String ofEnrollmentCode(String canonicalCode) {
    return hash("enrollment-code:" + canonicalCode);
  }

  /** The hash under which a refresh token is stored. */
  public String ofRefreshToken(String token) {
    return hash("refresh-token:" + token);
  }

  private String hash(String text) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(pepper);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot compute " + ALGORITHM, e);
    }
  }
}

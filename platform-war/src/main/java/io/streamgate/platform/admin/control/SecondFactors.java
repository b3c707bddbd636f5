package io.streamgate.platform.admin.control;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.admin.entity.RecoveryCode;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.ConflictException;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Console users' second factor: RFC 6238 TOTP (SHA-1, 6 digits, 30-second steps, what every
 * authenticator app reads from an {@code otpauth://} QR code), computed by otp-java. A code is
 * accepted one step either side of now (clock skew of up to 30 s) and only once: the user's last
 * accepted step is kept. Ten one-time recovery codes stand in for a lost phone; they are shown once
 * and stored as SHA-256 hashes salted with the user's id.
 */
@ApplicationScoped
@Transactional
public class SecondFactors {

  static final Duration STEP = Duration.ofSeconds(30);
  static final int DIGITS = 6;
  static final int RECOVERY_CODES = 10;
  static final int RECOVERY_LENGTH = 10;

  private final AccessCodeCodec codec = new AccessCodeCodec();

  @PersistenceContext EntityManager em;

  @Inject Clock clock;

  @Inject PlatformSettings settings;

  @Inject Event<AccountActivity> audit;

  /** What an authenticator app needs: the secret, also as an {@code otpauth://} URI. */
  public record Enrollment(String secret, String otpauthUri) {}

  /** Starts enrollment with a new secret; the factor is on only once a code confirms it. */
  public Enrollment start(AdminIdentity caller) {
    AdminUser user = em.find(AdminUser.class, caller.userId());
    if (user.totpEnabled()) {
      throw new ConflictException(
          "Two-factor sign-in is on already; another super admin can reset it.");
    }
    String secret = new String(SecretGenerator.generate(), StandardCharsets.US_ASCII);
    user.startTotp(secret);
    try {
      return new Enrollment(
          secret, generator(secret).getURI(settings.appName(), user.username()).toString());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("an otpauth URI did not form", e);
    }
  }

  /** Turns the factor on with a first code; answers the ten recovery codes, shown only now. */
  public List<String> confirm(AdminIdentity caller, String code, String ip) {
    AdminUser user = em.find(AdminUser.class, caller.userId());
    if (user.totpEnabled()) {
      throw new ConflictException("Two-factor sign-in is on already.");
    }
    if (user.totpSecret().isEmpty()) {
      throw new ConflictException("Start the set-up first (POST /api/admin/me/totp).");
    }
    long step =
        matchingStep(user, code)
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "That code does not match. Check the time on your phone and try again."));
    user.enableTotp(step);
    em.createNamedQuery(RecoveryCode.OF_USER).setParameter("user", user.id()).executeUpdate();
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      String recovery = codec.generate(RECOVERY_LENGTH);
      em.persist(new RecoveryCode(recoveryHash(user.id(), recovery), user.id()));
      codes.add(recovery.substring(0, 5) + "-" + recovery.substring(5));
    }
    audit.fire(
        new AccountActivity(user.username(), "totp-enable", "user:" + user.username(), ip, null));
    return codes;
  }

  /**
   * Whether the TOTP code or, without one, the recovery code lets the user in; each is used up by a
   * login it lets in.
   */
  boolean passes(AdminUser user, String totp, String recoveryCode) {
    if (totp != null && !totp.isBlank()) {
      Optional<Long> step = matchingStep(user, totp);
      return step.isPresent() && user.useTotpStep(step.get());
    }
    Optional<String> recovery = AccessCodeCodec.normalise(recoveryCode, RECOVERY_LENGTH);
    return recovery.isPresent()
        && em.createNamedQuery(RecoveryCode.USE)
                .setParameter("hash", recoveryHash(user.id(), recovery.get()))
                .setParameter("user", user.id())
                .setParameter("now", clock.instant())
                .executeUpdate()
            == 1;
  }

  /** A super admin turns another user's second factor off (a lost phone); audited. */
  public void reset(String userId, AdminIdentity actor, String ip) {
    AdminUser user = userId == null ? null : em.find(AdminUser.class, userId);
    if (user == null) {
      throw new AdminAccounts.NotFound();
    }
    if (user.id().equals(actor.userId())) {
      throw new ConflictException("Another super admin must reset your own second factor.");
    }
    user.resetTotp();
    em.createNamedQuery(RecoveryCode.OF_USER).setParameter("user", user.id()).executeUpdate();
    audit.fire(
        new AccountActivity(actor.username(), "totp-reset", "user:" + user.username(), ip, null));
  }

  /** How many unused recovery codes the user has left. */
  public long recoveryCodesLeft(String userId) {
    return em.createNamedQuery(RecoveryCode.LEFT, Long.class)
        .setParameter("user", userId)
        .getSingleResult();
  }

  /** The time step, one either side of now, whose code this is; compared in constant time. */
  private Optional<Long> matchingStep(AdminUser user, String code) {
    if (code == null || user.totpSecret().isEmpty()) {
      return Optional.empty();
    }
    String typed = code.replaceAll("\\s", "");
    if (!typed.matches("\\d{" + DIGITS + "}")) {
      return Optional.empty();
    }
    TOTPGenerator generator = generator(user.totpSecret().get());
    long now = clock.instant().getEpochSecond() / STEP.toSeconds();
    Long found = null;
    for (long step = now - 1; step <= now + 1; step++) {
      String expected = generator.at(step * STEP.toSeconds());
      if (MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          typed.getBytes(StandardCharsets.US_ASCII))) {
        found = step;
      }
    }
    return Optional.ofNullable(found);
  }

  private static TOTPGenerator generator(String secret) {
    return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII))
        .withHOTPGenerator(
            hotp -> {
              hotp.withPasswordLength(DIGITS);
              hotp.withAlgorithm(HMACAlgorithm.SHA1);
            })
        .withPeriod(STEP)
        .build();
  }

  private static String recoveryHash(String userId, String code) {
    return Hashes.sha256(userId + ":" + code);
  }
}

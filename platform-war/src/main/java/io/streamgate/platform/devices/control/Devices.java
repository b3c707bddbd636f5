package io.streamgate.platform.devices.control;

import io.streamgate.common.Spec.RateLimit;
import io.streamgate.common.codes.AccessCodeCodec;
import io.streamgate.platform.audit.control.AuditTrail;
import io.streamgate.platform.devices.control.DeviceTokens.AccessClaims;
import io.streamgate.platform.devices.entity.Device;
import io.streamgate.platform.devices.entity.DeviceRole;
import io.streamgate.platform.devices.entity.EnrollmentCode;
import io.streamgate.platform.devices.entity.RefreshToken;
import io.streamgate.platform.events.control.EventAdministration;
import io.streamgate.platform.ratelimit.control.RateLimits;
import io.streamgate.platform.refusal.control.BadRequestException;
import io.streamgate.platform.refusal.control.UnknownTargetException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Enrolled devices: one-time enrollment codes, their exchange for an access token and a refresh
 * token, refresh with rotation (a used refresh token presented again revokes its device: a stolen
 * copy was replayed), the per-request check of an access token's device, and revocation.
 *
 * <p>Both one-time exchanges are a single conditional UPDATE ({@link EnrollmentCode#USE}, {@link
 * RefreshToken#USE}): the database lets exactly one of two concurrent requests change the row.
 */
@ApplicationScoped
public class Devices {

  /** Enrollment codes: 8 characters of the access-code alphabet, shown as two groups of four. */
  public static final int CODE_LENGTH = 8;

  public static final int DEFAULT_ENROLLMENT_MINUTES = 15;
  public static final int MAX_ENROLLMENT_MINUTES = 24 * 60;
  public static final int MAX_NAME = 100;
  public static final int MAX_EVENTS = 50;

  /** A refresh token's life: a device that stays away longer enrolls again. */
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);

  /** Exchanges of enrollment codes and refresh tokens per client address. */
  public static final RateLimit EXCHANGE_LIMIT = new RateLimit(10, Duration.ofMinutes(1));

  private static final String REFRESH_PREFIX = "sgr_";

  private final SecureRandom random = new SecureRandom();

  private final AccessCodeCodec codec = new AccessCodeCodec(random);

  @PersistenceContext EntityManager em;

  @Inject TokenHashes hashes;

  @Inject DeviceTokens tokens;

  @Inject RateLimits limits;

  @Inject AuditTrail audit;

  @Inject EventAdministration events;

  @Inject Clock clock;

  /** What a device is given: a new access token and the next refresh token. */
  public record Credentials(String accessToken, long expiresIn, String refreshToken, String role) {}

  /** A new enrollment code, shown once (a console page keeps it in its view state). */
  public record Enrollment(
      String code, String role, String deviceName, Set<String> eventIds, Instant expiresAt)
      implements Serializable {}

  /**
   * Issues a one-time enrollment code for a device of that role. A box office needs the events it
   * serves (1 to {@value #MAX_EVENTS}); the other roles are not limited by event.
   */
  @Transactional
  public Enrollment issue(
      String roleLabel,
      String deviceName,
      Integer expiresInMinutes,
      List<String> eventIds,
      String actor,
      String ip) {
    DeviceRole role =
        DeviceRole.ofLabel(roleLabel)
            .orElseThrow(
                () -> new BadRequestException("Role must be box_office, operator or admin."));
    String name = checkedName(deviceName == null ? "" : deviceName);
    int minutes = expiresInMinutes == null ? DEFAULT_ENROLLMENT_MINUTES : expiresInMinutes;
    if (minutes < 1 || minutes > MAX_ENROLLMENT_MINUTES) {
      throw new BadRequestException(
          "expiresInMinutes must be from 1 to " + MAX_ENROLLMENT_MINUTES + ".");
    }
    Set<String> served = new LinkedHashSet<>(eventIds == null ? List.of() : eventIds);
    if (role == DeviceRole.BOX_OFFICE && (served.isEmpty() || served.size() > MAX_EVENTS)) {
      throw new BadRequestException(
          "A box office needs eventIds: the 1 to " + MAX_EVENTS + " events it serves.");
    }
    if (role != DeviceRole.BOX_OFFICE && !served.isEmpty()) {
      throw new BadRequestException("Only a box office is limited to events; leave out eventIds.");
    }
    for (String event : served) {
      if (event == null || event.length() > 36) {
        throw UnknownTargetException.event();
      }
      events.find(event);
    }
    String code = codec.generate(CODE_LENGTH);
    Instant now = clock.instant();
    Instant expires = now.plus(Duration.ofMinutes(minutes));
    em.persist(
        new EnrollmentCode(hashes.ofEnrollmentCode(code), role, name, served, actor, now, expires));
    audit.record(
        actor,
        "device-enrollment-issue",
        "device:" + name,
        ip,
        "role=" + role.label() + " expiresAt=" + expires);
    return new Enrollment(display(code), role.label(), name, served, expires);
  }

  /**
   * Exchanges an enrollment code for a new device's credentials; the device takes the code's name
   * unless it names itself. Unknown, malformed, used and expired codes are refused alike.
   */
  @Transactional
  public Credentials enroll(String typedCode, String deviceName, String ip) {
    limits.acquire("device-auth:" + ip, EXCHANGE_LIMIT);
    String code =
        AccessCodeCodec.normalise(typedCode, CODE_LENGTH).orElseThrow(DeviceRefusedException::new);
    String hash = hashes.ofEnrollmentCode(code);
    Instant now = clock.instant();
    int won =
        em.createNamedQuery(EnrollmentCode.USE)
            .setParameter("hash", hash)
            .setParameter("now", now)
            .executeUpdate();
    if (won != 1) {
      throw new DeviceRefusedException();
    }
    EnrollmentCode enrollment = em.find(EnrollmentCode.class, hash);
    String name =
        deviceName == null || deviceName.isBlank()
            ? enrollment.deviceName()
            : checkedName(deviceName);
    Device device =
        new Device(name, enrollment.role(), enrollment.eventIds(), enrollment.createdBy(), ip, now);
    em.persist(device);
    enrollment.enrolled(device);
    audit.record(
        DeviceCaller.of(device).actor(),
        "device-enroll",
        "device:" + device.id(),
        ip,
        "role=" + device.role().label() + " issuedBy=" + enrollment.createdBy());
    return credentials(device, now);
  }

  /**
   * The next pair for a refresh token used for the first time. A used one presented again revokes
   * its device (every token of the family): the refusal is answered, the revocation stays.
   */
  @Transactional(dontRollbackOn = DeviceRefusedException.class)
  public Credentials refresh(String token, String ip) {
    limits.acquire("device-auth:" + ip, EXCHANGE_LIMIT);
    if (token == null || !token.startsWith(REFRESH_PREFIX) || token.length() > 100) {
      throw new DeviceRefusedException();
    }
    String hash = hashes.ofRefreshToken(token);
    Instant now = clock.instant();
    int won =
        em.createNamedQuery(RefreshToken.USE)
            .setParameter("hash", hash)
            .setParameter("now", now)
            .executeUpdate();
    RefreshToken stored = em.find(RefreshToken.class, hash);
    if (stored == null) {
      throw new DeviceRefusedException();
    }
    Device device = em.find(Device.class, stored.deviceId());
    if (won != 1) {
      if (stored.used() && device != null && device.revoke(now, "refresh-token-replayed")) {
        endFamily(device, now);
        audit.record(
            DeviceCaller.of(device).actor(),
            "device-refresh-replayed",
            "device:" + device.id(),
            ip,
            "a used refresh token was presented again; the device is revoked");
      }
      throw new DeviceRefusedException();
    }
    if (device == null || device.revoked()) {
      throw new DeviceRefusedException();
    }
    device.seen(now, ip);
    return credentials(device, now);
  }

  /**
   * The device an access token speaks for, if it is still enrolled in the token's role; notes when
   * it was last seen (written at most once a minute).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<DeviceCaller> admit(AccessClaims claims, String ip) {
    Device device = em.find(Device.class, claims.deviceId());
    if (device == null || device.revoked() || device.role() != claims.role()) {
      return Optional.empty();
    }
    device.seen(clock.instant(), ip);
    return Optional.of(DeviceCaller.of(device));
  }

  /** Every device, newest first. */
  @Transactional
  public List<Device> all() {
    return em.createNamedQuery(Device.ALL, Device.class).getResultList();
  }

  /** Ends a device's access at once: its access token is refused from the next request on. */
  @Transactional
  public Device revoke(String id, String actor, String ip) {
    Device device = id == null || id.length() > 36 ? null : em.find(Device.class, id);
    if (device == null) {
      throw new UnknownDeviceException();
    }
    Instant now = clock.instant();
    if (device.revoke(now, "revoked")) {
      endFamily(device, now);
      audit.record(actor, "device-revoke", "device:" + device.id(), ip, "name=" + device.name());
    }
    return device;
  }

  private void endFamily(Device device, Instant now) {
    em.createNamedQuery(RefreshToken.END_FAMILY)
        .setParameter("device", device.id())
        .setParameter("now", now)
        .executeUpdate();
  }

  private Credentials credentials(Device device, Instant now) {
    String refresh = REFRESH_PREFIX + randomText(32);
    em.persist(
        new RefreshToken(
            hashes.ofRefreshToken(refresh), device.id(), now, now.plus(REFRESH_LIFETIME)));
    return new Credentials(
        tokens.mint(device.id(), device.role()),
        DeviceTokens.LIFETIME.toSeconds(),
        refresh,
        device.role().label());
  }

  private String randomText(int bytes) {
    byte[] made = new byte[bytes];
    random.nextBytes(made);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(made);
  }

  /** A device name, stripped: 1 to {@value #MAX_NAME} characters, no control characters. */
  private static String checkedName(String typed) {
    String name = typed.strip();
    if (name.isEmpty()
        || name.length() > MAX_NAME
        || name.chars().anyMatch(Character::isISOControl)) {
      throw new BadRequestException(
          "Device name must have 1 to " + MAX_NAME + " characters, without control characters.");
    }
    return name;
  }

  private static String display(String code) {
    return code.substring(0, 4) + "-" + code.substring(4);
  }
}

package io.streamgate.platform.admin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.admin.entity.AdminUser.Role;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminIdentityTest {

  private static final Instant LOGIN = Instant.parse("2026-12-04T09:00:00Z");

  private final AdminIdentity admin =
      new AdminIdentity("user-1", "admin", Role.SUPER_ADMIN, "fingerprint", false, LOGIN);

  @Test
  void aConsoleSessionLastsEightHoursFromItsLoginHoweverBusy() {
    assertFalse(admin.expiredAt(LOGIN));
    assertFalse(admin.expiredAt(LOGIN.plus(Duration.ofHours(8)).minusSeconds(1)));
    assertTrue(admin.expiredAt(LOGIN.plus(Duration.ofHours(8))), "the specification's absolute");
    assertTrue(admin.expiredAt(LOGIN.plus(Duration.ofDays(3))));
  }
}

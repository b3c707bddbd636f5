package io.streamgate.platform.admin.control;

import io.streamgate.common.ids.RandomIds;
import io.streamgate.platform.admin.entity.AdminUser;
import io.streamgate.platform.settings.entity.PlatformSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates the first user, {@code admin} as super admin, when the database has none: from {@code
 * ADMIN_PASSWORD_HASH} (as printed by {@code ./streamgate hash-password}), else from {@code
 * ADMIN_PASSWORD}, else with a generated password printed once on the console. Later changes of the
 * settings do not touch existing users.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class InitialAdmin {

  public static final String USERNAME = "admin";

  private static final System.Logger LOG = System.getLogger(InitialAdmin.class.getName());

  Optional<String> passwordHash;

  Optional<String> password;

  @Inject
  void configure(PlatformSettings settings) {
    passwordHash = settings.adminPasswordHash();
    password = settings.adminPassword();
  }

  @PersistenceContext EntityManager em;

  @Inject Passwords passwords;

  @Inject Clock clock;

  @PostConstruct
  void createWhenNone() {
    String hash = passwordHash.map(String::strip).filter(h -> !h.isEmpty()).orElse(null);
    if (hash != null && !Passwords.isHash(hash)) {
      throw new IllegalStateException(
          "ADMIN_PASSWORD_HASH is neither a PBKDF2 hash nor a bcrypt hash of cost 10 or more; make"
              + " one with ./streamgate hash-password");
    }
    if (hash == null && password.isPresent() && password.get().length() < Passwords.MIN_LENGTH) {
      throw new IllegalStateException(
          "ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH + " characters");
    }
    long users = em.createNamedQuery(AdminUser.COUNT, Long.class).getSingleResult();
    if (users > 0) {
      return;
    }
    if (hash == null) {
      String chosen = password.orElse(null);
      if (chosen == null) {
        chosen = RandomIds.uuid().replace("-", "").substring(0, 20);
        // Printed once, on the console only: there is no other way to learn it.
        System.out.println(
            "StreamGate created the console user '" + USERNAME + "' with password " + chosen);
      }
      hash = passwords.hash(chosen);
    }
    em.persist(new AdminUser(USERNAME, hash, AdminUser.Role.SUPER_ADMIN, clock.instant()));
    LOG.log(System.Logger.Level.INFO, "Created the initial super admin ''{0}''", USERNAME);
  }
}

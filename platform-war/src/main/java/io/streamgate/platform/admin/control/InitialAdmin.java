package io.streamgate.platform.admin.control;

import io.streamgate.platform.admin.entity.AdminUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin user ({@code admin}) from {@code ADMIN_INITIAL_PASSWORD} when the
 * database has none, so a fresh installation can be logged into. Later changes of the setting do
 * not touch existing users.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
public class InitialAdmin {

  public static final String USERNAME = "admin";
  static final int MIN_PASSWORD_LENGTH = 12;

  private static final System.Logger LOG = System.getLogger(InitialAdmin.class.getName());

  @Inject
  @ConfigProperty(name = "ADMIN_INITIAL_PASSWORD")
  Optional<String> initialPassword;

  @PersistenceContext EntityManager em;

  @Inject Pbkdf2PasswordHash passwordHash;

  @Inject Clock clock;

  @PostConstruct
  void createWhenNone() {
    if (initialPassword.isEmpty()) {
      return;
    }
    String password = initialPassword.get();
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "ADMIN_INITIAL_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
    }
    long users = em.createNamedQuery(AdminUser.COUNT, Long.class).getSingleResult();
    if (users > 0) {
      return;
    }
    passwordHash.initialize(Map.of("Pbkdf2PasswordHash.Iterations", "210000"));
    em.persist(
        new AdminUser(
            USERNAME,
            passwordHash.generate(password.toCharArray()),
            AdminUser.Role.ADMIN,
            clock.instant()));
    LOG.log(System.Logger.Level.INFO, "Created the initial admin user ''{0}''", USERNAME);
  }
}

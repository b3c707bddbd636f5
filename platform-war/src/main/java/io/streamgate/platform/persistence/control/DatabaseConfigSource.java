package io.streamgate.platform.persistence.control;

import io.streamgate.platform.settings.entity.PlatformSettings;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the data source's settings ({@code streamgate.db.*}) from the one setting operators give,
 * {@code DATABASE_URL}, so that the {@code @DataSourceDefinition} picks the H2 or PostgreSQL data
 * source class, URL and credentials by configuration alone. A {@code DATABASE_URL} that is neither
 * yields nothing here; {@link SchemaMigrations} then stops the deployment with a clear line.
 */
public class DatabaseConfigSource implements ConfigSource {

  static final String CLASS = "streamgate.db.class";
  static final String URL = "streamgate.db.url";
  static final String UNUSED = "jdbc:h2:mem:streamgate-unused";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(CLASS, URL);
  }

  @Override
  public String getValue(String name) {
    if (!getPropertyNames().contains(name)) {
      return null;
    }
    return database()
        .map(db -> CLASS.equals(name) ? db.kind().dataSourceClass : db.jdbcUrl())
        .orElse(null);
  }

  private Optional<DatabaseUrl> database() {
    try {
      Config config = ConfigProvider.getConfig(DatabaseConfigSource.class.getClassLoader());
      if (!Database.configuredResource(config).isEmpty()) {
        // The server's pool is used; the WAR's own is defined but must not touch any file.
        return Optional.of(new DatabaseUrl(DatabaseUrl.Kind.H2, UNUSED));
      }
      return Optional.of(
          DatabaseUrl.parse(
              PlatformSettings.databaseUrl(name -> config.getOptionalValue(name, String.class))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String getName() {
    return "streamgate-database-url";
  }

  @Override
  public int getOrdinal() {
    return 50;
  }
}

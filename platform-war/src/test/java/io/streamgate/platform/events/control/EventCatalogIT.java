package io.streamgate.platform.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.persistence.control.SchemaMigrations;
import io.streamgate.platform.persistence.control.StreamGateDataSource;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.io.File;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, with the real WAR: the data source from DATABASE_URL, the migrations run at
 * startup, JPA through EclipseLink and CDI together show the portal the events it should.
 */
@ExtendWith(ArquillianExtension.class)
class EventCatalogIT {

  @Deployment
  static WebArchive platform() {
    return ShrinkWrap.create(ZipImporter.class, "platform.war")
        .importFrom(new File("target/platform.war"))
        .as(WebArchive.class)
        .addClass(EventCatalogIT.class);
  }

  @Inject EventCatalog catalog;

  @Inject SchemaMigrations migrations;

  @Resource(lookup = StreamGateDataSource.JNDI_NAME)
  DataSource dataSource;

  @Test
  void migrationsRanAtStartup() {
    assertEquals("1", migrations.schemaVersion());
  }

  @Test
  void portalListsActiveEventsWhoseAccessWindowIsOpenInStartOrder() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    String later = "Later " + UUID.randomUUID();
    String sooner = "Sooner " + UUID.randomUUID();
    String over = "Over " + UUID.randomUUID();
    String archived = "Archived " + UUID.randomUUID();
    insertEvent(later, now.plusDays(2), now.plusDays(3), 48, false);
    insertEvent(sooner, now.minusHours(1), now.plusHours(1), 48, false);
    insertEvent(over, now.minusDays(5), now.minusDays(4), 1, false);
    insertEvent(archived, now.plusDays(1), now.plusDays(2), 48, true);

    var titles =
        catalog.upcomingAndCurrent().stream().map(EventCatalog.EventTeaser::title).toList();

    assertTrue(titles.indexOf(sooner) >= 0 && titles.indexOf(sooner) < titles.indexOf(later));
    assertTrue(!titles.contains(over), "the access window of a past event has closed");
    assertTrue(!titles.contains(archived), "archived events are hidden");
  }

  private void insertEvent(
      String title, OffsetDateTime start, OffsetDateTime end, int windowHours, boolean archived)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO event (id, title, starts_at, ends_at, access_window_hours, archived,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, title);
      insert.setObject(3, start);
      insert.setObject(4, end);
      insert.setInt(5, windowHours);
      insert.setBoolean(6, archived);
      insert.setObject(7, start);
      insert.setObject(8, start);
      insert.executeUpdate();
    }
  }
}

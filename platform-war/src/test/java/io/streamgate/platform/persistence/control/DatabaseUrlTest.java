package io.streamgate.platform.persistence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @Test
  void h2JdbcUrlsPassThrough() {
    DatabaseUrl url = DatabaseUrl.parse(" jdbc:h2:file:./data/db/streamgate ");
    assertEquals(DatabaseUrl.Kind.H2, url.kind());
    assertEquals("jdbc:h2:file:./data/db/streamgate", url.jdbcUrl());
  }

  @Test
  void postgresqlJdbcUrlsPassThrough() {
    DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://db:5432/streamgate?ssl=true");
    assertEquals(DatabaseUrl.Kind.POSTGRESQL, url.kind());
    assertEquals("jdbc:postgresql://db:5432/streamgate?ssl=true", url.jdbcUrl());
  }

  @Test
  void connectionStringsBecomeJdbcUrlsWithTheirCredentials() {
    DatabaseUrl url =
        DatabaseUrl.parse("postgresql://sg:p%40ss%3Aw0rd@db.internal:6543/streamgate");
    assertEquals(DatabaseUrl.Kind.POSTGRESQL, url.kind());
    assertEquals(
        "jdbc:postgresql://db.internal:6543/streamgate?user=sg&password=p%40ss%3Aw0rd",
        url.jdbcUrl());
    assertEquals(
        "jdbc:postgresql://localhost/sg?sslmode=require&user=me",
        DatabaseUrl.parse("postgres://me@localhost/sg?sslmode=require").jdbcUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "mysql://root@localhost/db",
        "jdbc:mysql://localhost/db",
        "jdbc:h2:",
        "file:./dev.db",
        "postgresql://localhost",
        "postgresql://user:secret@/db"
      })
  void anythingElseIsRefusedWithTheSettingNamed(String value) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(value));
    assertTrue(e.getMessage().startsWith("DATABASE_URL must be jdbc:h2:"), e.getMessage());
  }

  @Test
  void neitherTheMessageNorToStringRevealsAPassword() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://root:hunter2@x/db"));
    assertFalse(e.getMessage().contains("hunter2"));
    assertFalse(DatabaseUrl.parse("postgresql://u:hunter2@h/db").toString().contains("hunter2"));
  }

  @Test
  void aDriversMessageLosesEveryUrlAndSoItsPassword() {
    String said =
        "Unable to parse URL jdbc:postgresql://127.0.0.1:543210/sg?user=sg&password=S3cr3t-PW&x=1";
    assertEquals("Unable to parse URL <the URL>", DatabaseUrl.withoutUrls(said));
    assertEquals(
        "bad (<the URL>) again",
        DatabaseUrl.withoutUrls("bad (postgresql://sg:S3cr3t-PW@db:5432/sg) again"));
    assertEquals(
        "Connection to 127.0.0.1:5433 refused.",
        DatabaseUrl.withoutUrls("Connection to 127.0.0.1:5433 refused."));
  }
}

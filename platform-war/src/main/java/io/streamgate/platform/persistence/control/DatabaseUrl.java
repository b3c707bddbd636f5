package io.streamgate.platform.persistence.control;

import io.streamgate.common.errors.Causes;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A parsed {@code DATABASE_URL}: embedded H2 ({@code jdbc:h2:...}) or PostgreSQL, given either as a
 * JDBC URL or in the {@code postgresql://user:password@host:port/database} form that hosting
 * platforms hand out. The JDBC URL carries the credentials, so the data source needs nothing else.
 */
public record DatabaseUrl(Kind kind, String jdbcUrl) {

  private static final Pattern URL_IN_TEXT =
      Pattern.compile("(?i)\\b(?:jdbc:)?(?:postgresql|h2):[^\\s)]*");

  /** The databases StreamGate runs on, with the data source class for each. */
  public enum Kind {
    H2("org.h2.jdbcx.JdbcDataSource"),
    POSTGRESQL("org.postgresql.ds.PGSimpleDataSource");

    final String dataSourceClass;

    Kind(String dataSourceClass) {
      this.dataSourceClass = dataSourceClass;
    }

    /**
     * The migrations every database runs, and those of its own kind ({@code db/vendor/postgresql},
     * {@code db/vendor/h2}) for what only one of them can or needs to do. Here rather than in
     * {@link SchemaMigrations} so that {@code ./streamgate migrate} finds them outside a server.
     */
    public String[] migrationLocations() {
      return new String[] {
        "classpath:db/migration", "classpath:db/vendor/" + name().toLowerCase(Locale.ROOT)
      };
    }
  }

  /**
   * The first line of what the database driver said about a failure, without any database URL in it
   * (a driver that cannot parse one quotes it whole, password included). The driver's own
   * exception, the innermost SQLException, says it best ("Connection to host:port refused", "role
   * ... does not exist"); the wrappers above it and the socket error below it say less.
   */
  public static String driverSaid(Throwable failure) {
    Throwable said =
        Causes.of(failure).stream()
            .filter(SQLException.class::isInstance)
            .reduce((outer, inner) -> inner)
            .orElse(failure);
    return withoutUrls(Causes.firstLine(said));
  }

  /** A driver's message with every database URL in it replaced by {@code <the URL>}. */
  static String withoutUrls(String driverSaid) {
    return URL_IN_TEXT.matcher(driverSaid).replaceAll("<the URL>");
  }

  static final String ALLOWED =
      "DATABASE_URL must be jdbc:h2:..., jdbc:postgresql://host:port/database"
          + " or postgresql://user:password@host:port/database";

  /**
   * Parses the setting; the message of the exception names the setting and what is allowed, and
   * never repeats the value (it may hold a password).
   */
  public static DatabaseUrl parse(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(ALLOWED + " (it is empty)");
    }
    String url = value.trim();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:") && url.length() > "jdbc:h2:".length()) {
      return new DatabaseUrl(Kind.H2, url);
    }
    if (lower.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(Kind.POSTGRESQL, url);
    }
    if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
      return fromConnectionString(url);
    }
    int colon = url.indexOf(':');
    String scheme = colon > 0 ? url.substring(0, Math.min(colon, 20)) : "no scheme";
    throw new IllegalArgumentException(ALLOWED + " (got " + scheme + ")");
  }

  private static DatabaseUrl fromConnectionString(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(ALLOWED + " (the postgresql:// URL does not parse)");
    }
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (uri.getHost() == null || database.isEmpty()) {
      throw new IllegalArgumentException(ALLOWED + " (host or database missing)");
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append('/').append(database);
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    if (uri.getRawQuery() != null) {
      query.add(uri.getRawQuery());
    }
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int split = userInfo.indexOf(':');
      query.add("user=" + reencode(split < 0 ? userInfo : userInfo.substring(0, split)));
      if (split >= 0) {
        query.add("password=" + reencode(userInfo.substring(split + 1)));
      }
    }
    return new DatabaseUrl(Kind.POSTGRESQL, jdbc.append(query).toString());
  }

  /** User info is percent-encoded in a URI; the JDBC URL wants it form-encoded. */
  private static String reencode(String part) {
    return URLEncoder.encode(decode(part), StandardCharsets.UTF_8);
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    // Never print credentials.
    return "DatabaseUrl[" + kind + "]";
  }
}

package io.streamgate.platform.persistence.control;

import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A table as {@code ./streamgate migrate} copies it: its name and columns as H2 stores them (upper
 * case), each column with the source's JDBC type, and its primary key. Knows the SQL that reads and
 * writes it on either side.
 */
record CopiedTable(String name, List<Column> columns, List<String> key) {

  record Column(String name, int jdbcType) {

    boolean text() {
      return Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR)
          .contains(jdbcType);
    }
  }

  /** The name PostgreSQL knows it by: the migrations' unquoted names, folded to lower case. */
  String targetName() {
    return name.toLowerCase(Locale.ROOT);
  }

  String selectFromSource() {
    return "SELECT " + columnList(false) + " FROM " + quoted(name, false);
  }

  String insertIntoTarget() {
    return "INSERT INTO "
        + quoted(name, true)
        + " ("
        + columnList(true)
        + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
        + ")";
  }

  /**
   * All columns in key order (every column when there is no key). PostgreSQL compares text keys
   * byte by byte ({@code COLLATE "C"}) to order them as H2 does, whatever the database's collation.
   */
  String selectOrdered(boolean postgres) {
    List<String> order = key.isEmpty() ? columns.stream().map(Column::name).toList() : key;
    return "SELECT "
        + columnList(postgres)
        + " FROM "
        + quoted(name, postgres)
        + " ORDER BY "
        + order.stream()
            .map(
                column ->
                    quoted(column, postgres)
                        + (postgres && column(column).text() ? " COLLATE \"C\"" : ""))
            .collect(Collectors.joining(", "));
  }

  private Column column(String column) {
    return columns.stream()
        .filter(c -> c.name().equals(column))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " has no column " + column));
  }

  private String columnList(boolean postgres) {
    return columns.stream().map(c -> quoted(c.name(), postgres)).collect(Collectors.joining(", "));
  }

  private static String quoted(String identifier, boolean postgres) {
    return quoted(postgres ? identifier.toLowerCase(Locale.ROOT) : identifier);
  }

  /** An identifier quoted for either database, its own quotes doubled. */
  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

package io.streamgate.platform.persistence.control;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Column values read the same way from H2 and PostgreSQL (by the source column's JDBC type, since
 * the drivers name the same SQL type differently: pgjdbc calls {@code timestamptz} a TIMESTAMP),
 * and their canonical text, which is equal on both sides exactly when the values are: instants in
 * UTC whatever offset a driver hands back, numbers without trailing zeros, booleans as true/false,
 * binary as hex.
 */
final class CanonicalValues {

  private CanonicalValues() {}

  /** The value of the column, or null. */
  static Object read(ResultSet row, int index, int jdbcType) throws SQLException {
    Object value =
        switch (jdbcType) {
          case Types.TIMESTAMP_WITH_TIMEZONE -> row.getObject(index, OffsetDateTime.class);
          case Types.TIMESTAMP -> row.getObject(index, LocalDateTime.class);
          case Types.DATE -> row.getObject(index, LocalDate.class);
          case Types.TIME -> row.getObject(index, LocalTime.class);
          case Types.TIME_WITH_TIMEZONE -> row.getObject(index, OffsetTime.class);
          case Types.BOOLEAN, Types.BIT -> row.getBoolean(index);
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> row.getLong(index);
          case Types.NUMERIC, Types.DECIMAL -> row.getBigDecimal(index);
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> row.getDouble(index);
          case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
              row.getBytes(index);
          default -> row.getString(index);
        };
    return row.wasNull() ? null : value;
  }

  /** The canonical text of a value that {@link #read} returned; null stays null. */
  static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
    }
    if (value instanceof OffsetTime time) {
      return time.withOffsetSameInstant(ZoneOffset.UTC).toString();
    }
    if (value instanceof BigDecimal number) {
      return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Float || value instanceof Double) {
      return Double.toString(((Number) value).doubleValue());
    }
    if (value instanceof Number number) {
      return Long.toString(number.longValue());
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }
}

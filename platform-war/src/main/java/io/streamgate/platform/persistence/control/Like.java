package io.streamgate.platform.persistence.control;

import java.util.Locale;

/**
 * Patterns for {@code LOWER(x) LIKE :p} that match typed text literally. They escape with a
 * backslash, the default escape character of both H2 and PostgreSQL; an explicit ESCAPE clause
 * would make EclipseLink stop binding parameters (and write booleans as 0 and 1, which H2 refuses).
 */
public final class Like {

  private Like() {}

  /** Matches values containing {@code text}, ignoring case; % and _ in it are plain characters. */
  public static String containing(String text) {
    return "%" + escaped(text) + "%";
  }

  /**
   * Matches lower-case values starting with {@code text} in lower case; an index on the value
   * answers it.
   */
  public static String startingWith(String text) {
    return escaped(text) + "%";
  }

  private static String escaped(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\")
        .replace("%", "\\%")
        .replace("_", "\\_");
  }
}

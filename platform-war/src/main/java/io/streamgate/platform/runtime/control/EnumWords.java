package io.streamgate.platform.runtime.control;

import java.util.Locale;
import java.util.Optional;

/**
 * Enum constants as the API writes them: lower case, {@code SUPER_ADMIN} as {@code super_admin};
 * reading ignores case.
 */
public final class EnumWords {

  private EnumWords() {}

  public static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  public static <E extends Enum<E>> Optional<E> parse(E[] values, String word) {
    for (E value : values) {
      if (value.name().equalsIgnoreCase(word)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}

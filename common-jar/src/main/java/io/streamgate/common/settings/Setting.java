package io.streamgate.common.settings;

import io.streamgate.common.net.WebUrls;
import java.util.Optional;
import java.util.function.Function;

/**
 * One setting in one place: its name (an environment variable), its default, the rule that turns
 * the configured text into a value or refuses it with one line naming the setting, and what it
 * means. A value that is unset or blank counts as unset, as MicroProfile Config has it.
 *
 * @param name the environment variable
 * @param defaultValue the value when unset; empty when there is none
 * @param shownDefault how the README's configuration table shows the default
 * @param meaning one line on what the setting does
 * @param rule turns the configured (or default) text into the value, or throws {@link
 *     IllegalArgumentException} with a one-line message that names the setting
 */
public record Setting<T>(
    String name, String defaultValue, String shownDefault, String meaning, Rule<T> rule) {

  /** Turns the text of a setting (its default when unset, empty when it has none) into a value. */
  @FunctionalInterface
  public interface Rule<T> {
    T apply(String value);
  }

  public Setting {
    if (!name.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException("not an environment variable name: " + name);
    }
    if (shownDefault == null) {
      shownDefault = defaultValue.isEmpty() ? "none" : "`" + defaultValue + "`";
    }
  }

  /** The setting's value from a source of configured texts (MicroProfile Config, a map). */
  public T read(Function<String, Optional<String>> source) {
    return rule.apply(source.apply(name).filter(value -> !value.isBlank()).orElse(defaultValue));
  }

  /** The default as the README shows it: the value itself, or what an unset setting means. */
  public Setting<T> shown(String text) {
    return new Setting<>(name, defaultValue, text, meaning, rule);
  }

  /** Any text, as configured; the default when unset. */
  public static Setting<String> text(String name, String defaultValue, String meaning) {
    return new Setting<>(name, defaultValue, null, meaning, value -> value);
  }

  /**
   * A value the rule makes of the text (throwing with one line naming the setting); empty when
   * unset.
   */
  public static <V> Setting<Optional<V>> whenSet(
      String name, String meaning, Function<String, V> rule) {
    return new Setting<>(
        name,
        "",
        null,
        meaning,
        value -> value.isEmpty() ? Optional.empty() : Optional.of(rule.apply(value)));
  }

  /** Any text, as configured; empty when unset. */
  public static Setting<Optional<String>> optional(String name, String meaning) {
    return whenSet(name, meaning, value -> value);
  }

  /** Text that the rule checks (it throws with one line naming the setting); empty when unset. */
  public static Setting<Optional<String>> optional(
      String name, String meaning, Function<String, Optional<String>> problem) {
    return whenSet(
        name,
        meaning,
        value -> {
          problem
              .apply(value)
              .ifPresent(
                  message -> {
                    throw new IllegalArgumentException(message);
                  });
          return value;
        });
  }

  /**
   * An {@code http://} or {@code https://} URL with a host; empty when unset. The refusal does not
   * echo the value, which may hold a password.
   */
  public static Setting<Optional<String>> httpUrl(String name, String meaning) {
    return optional(
        name,
        meaning,
        value ->
            WebUrls.parse(value).isPresent()
                ? Optional.empty()
                : Optional.of(name + " must be an http:// or https:// URL with a host"));
  }

  /** A whole number from {@code min} to {@code max}. */
  public static Setting<Long> wholeNumber(
      String name, long defaultValue, long min, long max, String meaning) {
    return wholeNumber(name, defaultValue, min, max, "", meaning);
  }

  /**
   * A whole number from {@code min} to {@code max}; {@code unit} ("seconds") words the refusal:
   * "NAME must be a whole number of seconds, at least 10 (got 'soon')".
   */
  public static Setting<Long> wholeNumber(
      String name, long defaultValue, long min, long max, String unit, String meaning) {
    String range = max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max;
    String refusal =
        name + " must be a whole number" + (unit.isEmpty() ? "" : " of " + unit) + ", " + range;
    return new Setting<>(
        name,
        Long.toString(defaultValue),
        null,
        meaning,
        value -> {
          long number;
          try {
            number = Long.parseLong(value.strip());
          } catch (NumberFormatException e) {
            throw refused(refusal, value);
          }
          if (number < min || number > max) {
            throw refused(refusal, value);
          }
          return number;
        });
  }

  /** A number (decimals allowed) of at least {@code min}. */
  public static Setting<Double> number(
      String name, double defaultValue, double min, String meaning) {
    String shown = shownNumber(defaultValue);
    String refusal = name + " must be a number, at least " + shownNumber(min);
    return new Setting<>(
        name,
        shown,
        null,
        meaning,
        value -> {
          double number;
          try {
            number = Double.parseDouble(value.strip());
          } catch (NumberFormatException e) {
            throw refused(refusal, value);
          }
          if (!(number >= min) || Double.isInfinite(number)) {
            throw refused(refusal, value);
          }
          return number;
        });
  }

  /** {@code true} or {@code false}, as the launcher has it. */
  public static Setting<Boolean> flag(String name, boolean defaultValue, String meaning) {
    return new Setting<>(
        name,
        Boolean.toString(defaultValue),
        null,
        meaning,
        value ->
            switch (value.strip()) {
              case "true" -> true;
              case "false" -> false;
              default -> throw refused(name + " must be true or false", value);
            });
  }

  /** One line naming the setting, the rule and the value that broke it. */
  public static IllegalArgumentException refused(String rule, String value) {
    return new IllegalArgumentException(rule + " (got '" + value.strip() + "')");
  }

  private static String shownNumber(double number) {
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
  }
}

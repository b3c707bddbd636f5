package io.streamgate.platform.analytics.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/** A viewing record's segments by rendition, stored as {@code name=count;name=count}. */
public final class Renditions {

  private Renditions() {}

  /** The counts a stored value names; pairs that are not {@code name=count} are skipped. */
  public static Map<String, Long> parse(String stored) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (stored == null || stored.isEmpty()) {
      return counts;
    }
    for (String pair : stored.split(";")) {
      int equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      try {
        long count = Long.parseLong(pair.substring(equals + 1));
        if (count > 0) {
          counts.merge(pair.substring(0, equals), count, Long::sum);
        }
      } catch (NumberFormatException e) {
        // Not a pair StreamGate writes: skipped.
      }
    }
    return counts;
  }

  static String format(Map<String, Long> counts) {
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (name, count) -> {
          if (!text.isEmpty()) {
            text.append(';');
          }
          text.append(name).append('=').append(count);
        });
    return text.toString();
  }
}

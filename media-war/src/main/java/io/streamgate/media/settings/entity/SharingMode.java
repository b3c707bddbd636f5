package io.streamgate.media.settings.entity;

import java.util.Locale;

/**
 * What this media server does about a token played by several clients at once, from {@code
 * TOKEN_SHARING}: {@code end} the session everywhere (the default), {@code flag} it for the admin
 * only, or {@code off}: do not look.
 */
public enum SharingMode {
  END,
  FLAG,
  OFF;

  /** The configured mode; a value that is none of the three stops start-up with one line. */
  public static SharingMode of(String configured) {
    if (configured == null || configured.isBlank()) {
      return END;
    }
    return switch (configured.trim().toLowerCase(Locale.ROOT)) {
      case "end" -> END;
      case "flag" -> FLAG;
      case "off" -> OFF;
      default ->
          throw new IllegalStateException(
              "TOKEN_SHARING must be 'end', 'flag' or 'off' (got '" + configured.trim() + "')");
    };
  }
}

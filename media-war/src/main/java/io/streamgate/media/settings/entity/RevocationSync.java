package io.streamgate.media.settings.entity;

import java.util.Locale;

/**
 * How this media server keeps its {@code RevocationView} current, from {@code REVOCATION_SYNC}:
 * {@code grid} follows the data grid it shares with the platform (the default when a grid runs),
 * {@code poll} asks the platform's {@code GET /api/revocations} (edge servers outside that grid).
 */
public enum RevocationSync {
  GRID,
  POLL;

  /** The configured mode; without a setting, the grid when there is one. */
  public static RevocationSync of(String configured, boolean gridRunning) {
    if (configured == null || configured.isBlank()) {
      return gridRunning ? GRID : POLL;
    }
    return switch (configured.trim().toLowerCase(Locale.ROOT)) {
      case "grid" -> GRID;
      case "poll" -> POLL;
      default ->
          throw new IllegalStateException(
              "REVOCATION_SYNC must be 'grid' or 'poll' (got '" + configured.trim() + "')");
    };
  }
}

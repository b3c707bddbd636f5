package io.streamgate.common.grid;

import java.util.Locale;
import java.util.Optional;

/**
 * What a media member tells the platform, through the data-grid map {@link #MAP}, when it sees one
 * viewer session's token played by more than one client at once: the key is the session id, the
 * value this record as a plain string ({@code <action>;<clients>;<epoch millis>;<event id>}), so no
 * member needs application classes to read it. The first report of a session wins ({@code
 * putIfAbsent}); the platform ends or flags the session as {@code action} says.
 */
public record SharingReport(Action action, int clients, long atMillis, String eventId) {

  /** Name of the grid map: session id to report. */
  public static final String MAP = "streamgate-token-sharing";

  /** What the media tier's {@code TOKEN_SHARING} setting asks the platform to do. */
  public enum Action {
    /** End the session everywhere; its code is free for its owner again. */
    END,
    /** Only report it (viewers list and audit log); the session plays on. */
    FLAG
  }

  /** The grid value. */
  public String encode() {
    return action.name().toLowerCase(Locale.ROOT) + ";" + clients + ";" + atMillis + ";" + eventId;
  }

  /** The report a grid value stands for; empty for values this version does not understand. */
  public static Optional<SharingReport> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split(";", 4);
    if (parts.length != 4 || parts[3].isEmpty()) {
      return Optional.empty();
    }
    try {
      Action action = Action.valueOf(parts[0].toUpperCase(Locale.ROOT));
      return Optional.of(
          new SharingReport(
              action, Integer.parseInt(parts[1]), Long.parseLong(parts[2]), parts[3]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

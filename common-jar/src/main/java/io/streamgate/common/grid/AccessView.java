package io.streamgate.common.grid;

import java.util.Optional;

/**
 * The contract of the data-grid map through which the platform tells every media member who may no
 * longer watch. Keys are plain strings ({@code code:<code id>}, {@code event:<id>}, {@code
 * session:<sid>}; a code by its opaque id, as tokens name it in {@code sub}, never the code
 * itself), values the change time in epoch milliseconds, so no member needs application classes to
 * read the map. A present key refuses; removing it (restore, reactivate, or its time to live
 * running out) allows again.
 */
public final class AccessView {

  /** Name of the grid map. */
  public static final String MAP = "streamgate-access-view";

  private static final String CODE = "code:";
  private static final String EVENT = "event:";
  private static final String SESSION = "session:";

  /** What a key stands for. */
  public enum Kind {
    CODE,
    EVENT,
    SESSION
  }

  /** A decoded key. */
  public record Entry(Kind kind, String id) {}

  private AccessView() {}

  public static String codeKey(String codeId) {
    return CODE + codeId;
  }

  public static String eventKey(String eventId) {
    return EVENT + eventId;
  }

  public static String sessionKey(String sessionId) {
    return SESSION + sessionId;
  }

  /** The entry a key stands for; empty for keys this version does not know. */
  public static Optional<Entry> parse(String key) {
    if (key == null) {
      return Optional.empty();
    }
    if (key.startsWith(CODE)) {
      return entry(Kind.CODE, key.substring(CODE.length()));
    }
    if (key.startsWith(EVENT)) {
      return entry(Kind.EVENT, key.substring(EVENT.length()));
    }
    if (key.startsWith(SESSION)) {
      return entry(Kind.SESSION, key.substring(SESSION.length()));
    }
    return Optional.empty();
  }

  private static Optional<Entry> entry(Kind kind, String id) {
    return id.isEmpty() ? Optional.empty() : Optional.of(new Entry(kind, id));
  }
}

package io.streamgate.common.grid;

import java.util.Optional;

/**
 * The contract of the data-grid map through which the platform tells every media member who may no
 * longer watch. Keys are plain strings ({@code code:<code id>}, {@code event:<id>}, {@code
 * session:<sid>}; a code by its opaque id, as tokens name it in {@code sub}, never the code
 * itself), values the change time in epoch milliseconds, so no member needs application classes to
 * read the map. A present key refuses; removing it (restore, reactivate, or its time to live
 * running out) allows again.
 *
 * <p>The same map carries each event's own origin ({@code source:<id> <folder URL>}, see {@link
 * io.streamgate.common.playback.StreamSource}): a present key routes the event's files to that
 * folder; a changed origin is a new key, and the old one is removed. Members that do not know a
 * kind of key ignore it.
 */
public final class AccessView {

  /** Name of the grid map. */
  public static final String MAP = "streamgate-access-view";

  private static final String CODE = "code:";
  private static final String EVENT = "event:";
  private static final String SESSION = "session:";
  private static final String SOURCE = "source:";

  /** What a key stands for. */
  public enum Kind {
    CODE,
    EVENT,
    SESSION,
    SOURCE
  }

  /** A decoded key; a source's id is {@code <event id> <folder URL>}, see {@link #source}. */
  public record Entry(Kind kind, String id) {}

  /** An event's own origin, as a {@link Kind#SOURCE} key names it. */
  public record Source(String eventId, String folder) {}

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

  /** The key of an event's own origin folder (an absolute URL, which holds no space). */
  public static String sourceKey(String eventId, String folder) {
    return SOURCE + eventId + " " + folder;
  }

  /** The event and folder a {@link Kind#SOURCE} entry names; empty for other entries. */
  public static Optional<Source> source(Entry entry) {
    int space = entry.id().indexOf(' ');
    if (entry.kind() != Kind.SOURCE || space <= 0 || space == entry.id().length() - 1) {
      return Optional.empty();
    }
    return Optional.of(new Source(entry.id().substring(0, space), entry.id().substring(space + 1)));
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
    if (key.startsWith(SOURCE)) {
      return entry(Kind.SOURCE, key.substring(SOURCE.length()));
    }
    return Optional.empty();
  }

  private static Optional<Entry> entry(Kind kind, String id) {
    return id.isEmpty() ? Optional.empty() : Optional.of(new Entry(kind, id));
  }
}

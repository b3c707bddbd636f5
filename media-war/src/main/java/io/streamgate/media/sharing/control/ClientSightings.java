package io.streamgate.media.sharing.control;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a session's token played by two clients at once apart from one device that changes address.
 *
 * <p>A <b>client</b> is a client address (see {@link ClientKeys}). A player follows one media
 * sequence per <b>track</b> (a variant playlist's segments: {@code 720p/seg_003.ts} is track {@code
 * 720p/seg_#.ts}, position 3) and fetches it forward, whichever address each request leaves from. A
 * second device follows a sequence of its own, so it keeps fetching positions the session has
 * already reached. A fetch is <b>evidence</b> when a client, following a sequence of its own (its
 * previous fetch on the track, less than {@link #ACTIVE} ago, was 1-3 positions before), fetches
 * position {@code n} of a track whose newest fetch, less than {@link #ACTIVE} ago, was position
 * {@code >= n} by another client that is still fetching. The session is <b>shared</b> once it
 * gathers {@link #EVIDENCE} such fetches within {@link #WINDOW}; it is reported once.
 *
 * <ul>
 *   <li>Two devices at once: the one behind (or level) gives evidence at almost every segment.
 *   <li>A phone moving from Wi-Fi to mobile data: the new address has no sequence of its own yet
 *       when it fetches again the segment the old one was cut off in, then goes forward alone; the
 *       old address stops, and after {@link #ACTIVE} nothing is compared with it any more.
 *   <li>A dual-stack device whose requests alternate between IPv4 and IPv6: one sequence going
 *       forward, so no fetch lands at or behind the newest; a retry on the other family or a seek
 *       backwards does, but is not the next step of that address's own sequence.
 *   <li>Playlists and files without a position (init segments, keys) only mark the client active.
 *   <li>More than {@link #MAX_CLIENTS} clients fetching at once: each newcomer that pushes out a
 *       client still fetching is evidence too, so rotating many addresses does not hide sharing.
 * </ul>
 *
 * User agents are not used: identical phones share one, and a client writes its own. Not caught:
 * two devices behind one address (one NAT) and two devices on different variants. Fetches other
 * media members served come in through {@link #sawElsewhere} (see {@link MemberSightings}), a
 * second or two late and out of order with this member's: each client's own sequence and the fetch
 * times decide, so one device spread over members stays one sequence.
 *
 * <p>Costs a map look-up and a few array reads per request, under a lock per session: with 10,000
 * sessions, 150-350 ns per request (direct client) on the shared 2-core build machine, next to
 * 130-200 ns for parsing the request path in the same loop.
 */
public final class ClientSightings {

  /** A client seen less than this ago is still fetching. */
  static final Duration ACTIVE = Duration.ofSeconds(15);

  /** Evidence counts for this long. */
  static final Duration WINDOW = Duration.ofMinutes(2);

  /** Evidence within {@link #WINDOW} that makes a session shared. */
  static final int EVIDENCE = 4;

  /** Clients and tracks remembered per session; the least recent make room. */
  static final int MAX_CLIENTS = 8;

  static final int MAX_TRACKS = 16;

  private final Clock clock;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  public ClientSightings(Clock clock) {
    this.clock = clock;
  }

  /**
   * Records that {@code client} fetched {@code file} (the path inside the event, e.g. {@code
   * 720p/seg_003.ts}) with a token of session {@code sessionId}.
   *
   * @return the number of clients seen at once when this fetch makes the session shared (once per
   *     session), else 0
   */
  public int saw(String sessionId, String client, String file) {
    return saw(sessionId, client, Position.of(file));
  }

  /** As {@link #saw(String, String, String)}, for a file whose position is already known. */
  public int saw(String sessionId, String client, Position position) {
    long now = clock.millis();
    Session session = sessions.computeIfAbsent(sessionId, id -> new Session());
    return session.saw(client, position, now, now);
  }

  /**
   * Records a fetch another media member served at {@code at} (its clock), which arrives here a
   * moment later, possibly after fetches that followed it: positions and fetch times decide, not
   * arrival. A batch that arrives twice or late adds nothing, since a client's own sequence never
   * steps back to a position it already passed.
   *
   * @return as {@link #saw(String, String, String)}
   */
  public int sawElsewhere(String sessionId, String client, Position position, long at) {
    long now = clock.millis();
    if (now - at >= ACTIVE.toMillis()) {
      return 0;
    }
    Session session = sessions.computeIfAbsent(sessionId, id -> new Session());
    return session.saw(client, position, Math.min(at, now), now);
  }

  /** Forgets sessions nobody fetched with for longer than {@link #WINDOW}. */
  public void forgetIdle() {
    long before = clock.millis() - WINDOW.toMillis();
    sessions.values().removeIf(session -> session.idleSince(before));
  }

  /** Sessions remembered. */
  public int size() {
    return sessions.size();
  }

  /** A segment's place in its track; {@code null} for files without one. */
  public record Position(String track, long number) {

    public static Position of(String file) {
      int slash = file.lastIndexOf('/');
      int name = slash + 1;
      if (file.endsWith(".m3u8") || file.startsWith("init", name)) {
        return null;
      }
      int dot = file.lastIndexOf('.');
      int end = dot > name ? dot : file.length();
      while (end > name && !Character.isDigit(file.charAt(end - 1))) {
        end--;
      }
      int start = end;
      while (start > name && Character.isDigit(file.charAt(start - 1))) {
        start--;
      }
      if (start == end || end - start > 18) {
        return null;
      }
      String track =
          new StringBuilder(file.length())
              .append(file, 0, start)
              .append('#')
              .append(file, end, file.length())
              .toString();
      return new Position(track, Long.parseLong(file, start, end, 10));
    }
  }

  /** One track of a session: its newest fetch, and each client's own newest position on it. */
  private static final class Track {

    long newest;
    int newestClient;
    long newestAt;
    final long[] own = new long[MAX_CLIENTS];
    final long[] ownAt = new long[MAX_CLIENTS];
  }

  /** What one session's fetches showed; every method runs under the session's lock. */
  private static final class Session {

    private final String[] clients = new String[MAX_CLIENTS];
    private final long[] lastSeen = new long[MAX_CLIENTS];
    private int clientCount;

    private final Map<String, Track> tracks = new HashMap<>();

    /** Times of the latest evidence, a ring. */
    private final long[] evidence = new long[EVIDENCE];

    private int evidenceCount;
    private boolean reported;

    /** Set by {@link #indexOf} when a new client pushed out one that is still fetching. */
    private boolean crowded;

    private long lastFetch;

    /** A fetch at {@code at} (on this member or another), recorded {@code now}. */
    synchronized int saw(String client, Position position, long at, long now) {
      lastFetch = Math.max(lastFetch, now);
      if (reported) {
        return 0;
      }
      crowded = false;
      int index = indexOf(client, at);
      lastSeen[index] = Math.max(lastSeen[index], at);
      if (crowded && evidence(now)) {
        return MAX_CLIENTS + 1;
      }
      if (position == null) {
        return 0;
      }
      Track track = tracks.get(position.track());
      if (track == null) {
        if (tracks.size() >= MAX_TRACKS) {
          tracks.clear();
        }
        track = new Track();
        tracks.put(position.track(), track);
      } else if (isEvidence(track, index, position.number(), at) && evidence(now)) {
        return active(now);
      }
      // Another member's fetch can arrive after later ones: the latest fetch time wins.
      if (at >= track.newestAt) {
        track.newest = position.number();
        track.newestClient = index;
        track.newestAt = at;
      }
      if (at >= track.ownAt[index]) {
        track.own[index] = position.number();
        track.ownAt[index] = at;
      }
      return 0;
    }

    /**
     * Client {@code index} fetches position {@code n} at or behind where another client that is
     * still fetching took the track last, while following a sequence of its own: its previous fetch
     * on the track, a moment ago, was a few positions before {@code n}.
     */
    private boolean isEvidence(Track track, int index, long n, long at) {
      long active = ACTIVE.toMillis();
      // Times either way: a fetch another member served arrives after this member's later ones.
      return track.newestClient != index
          && n <= track.newest
          && Math.abs(at - track.newestAt) < active
          && at - lastSeen[track.newestClient] < active
          && track.ownAt[index] != 0
          && Math.abs(at - track.ownAt[index]) < active
          && track.own[index] < n
          && n - track.own[index] <= 3;
    }

    /** Records one piece of evidence; true when that makes the session shared (reported once). */
    private boolean evidence(long now) {
      evidence[evidenceCount++ % EVIDENCE] = now;
      if (evidenceCount >= EVIDENCE
          && now - evidence[evidenceCount % EVIDENCE] <= WINDOW.toMillis()) {
        reported = true;
        tracks.clear();
        return true;
      }
      return false;
    }

    /** The client's index; a new client replaces the one seen least recently when all are taken. */
    private int indexOf(String client, long now) {
      for (int i = 0; i < clientCount; i++) {
        if (clients[i].equals(client)) {
          return i;
        }
      }
      if (clientCount < MAX_CLIENTS) {
        clients[clientCount] = client;
        return clientCount++;
      }
      int oldest = 0;
      for (int i = 1; i < MAX_CLIENTS; i++) {
        if (lastSeen[i] < lastSeen[oldest]) {
          oldest = i;
        }
      }
      // More clients fetching at once than a session remembers: one device never has that many.
      crowded = now - lastSeen[oldest] < ACTIVE.toMillis();
      clients[oldest] = client;
      int replaced = oldest;
      tracks.values().removeIf(track -> track.newestClient == replaced);
      tracks.values().forEach(track -> track.ownAt[replaced] = 0);
      return oldest;
    }

    private int active(long now) {
      int active = 0;
      for (int i = 0; i < clientCount; i++) {
        if (now - lastSeen[i] < ACTIVE.toMillis()) {
          active++;
        }
      }
      return Math.max(2, active);
    }

    synchronized boolean idleSince(long before) {
      return lastFetch < before;
    }
  }
}

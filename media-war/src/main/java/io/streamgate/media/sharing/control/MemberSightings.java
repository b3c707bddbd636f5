package io.streamgate.media.sharing.control;

import io.streamgate.media.sharing.control.ClientSightings.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fetches this media member served that the other members have not heard of yet: per session,
 * each client's latest position on each track and when it was fetched. A request only records into
 * a local map; {@link #drain} hands the batches over, once a second, as one plain string per
 * session (no member needs application classes to hold them), and {@link #decode} reads another
 * member's. Each client's sequence travels, not just that it was seen, so one device whose requests
 * a load balancer spreads over members still follows one sequence everywhere.
 */
public final class MemberSightings {

  /** Sightings kept per session between two batches; more are dropped until the next one. */
  static final int MAX_PER_SESSION = ClientSightings.MAX_CLIENTS * ClientSightings.MAX_TRACKS;

  /** One client's latest fetch on one track, at a member's clock. */
  public record Sighting(String client, Position position, long at) {}

  /** Another member's batch for one session. */
  public record Batch(String eventId, List<Sighting> sightings) {}

  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  /** Records a fetch of {@code position} by {@code client} for session {@code sessionId}. */
  public void saw(String sessionId, String eventId, String client, Position position, long at) {
    if (position == null || unfit(client) || unfit(position.track())) {
      return;
    }
    pending.compute(
        sessionId,
        (id, batch) -> {
          Pending kept = batch == null ? new Pending(eventId) : batch;
          kept.add(new Sighting(client, position, at));
          return kept;
        });
  }

  /** The batches gathered since the last call, each encoded, by session; and forgets them. */
  public Map<String, String> drain() {
    Map<String, String> batches = new HashMap<>();
    for (String sessionId : pending.keySet()) {
      Pending batch = pending.remove(sessionId);
      if (batch != null) {
        batches.put(sessionId, encode(batch.eventId, batch.latest.values()));
      }
    }
    return batches;
  }

  /** Sessions with sightings waiting for the next batch. */
  public int size() {
    return pending.size();
  }

  static String encode(String eventId, Iterable<Sighting> sightings) {
    StringBuilder text = new StringBuilder(64).append(eventId == null ? "" : eventId);
    for (Sighting sighting : sightings) {
      text.append('\n')
          .append(sighting.client())
          .append('\t')
          .append(sighting.position().track())
          .append('\t')
          .append(sighting.position().number())
          .append('\t')
          .append(sighting.at());
    }
    return text.toString();
  }

  /** Reads a batch {@link #drain} wrote; lines it cannot read are skipped. */
  public static Batch decode(String text) {
    String[] lines = text.split("\n", -1);
    List<Sighting> sightings = new ArrayList<>(lines.length - 1);
    for (int i = 1; i < lines.length && sightings.size() < MAX_PER_SESSION; i++) {
      String[] fields = lines[i].split("\t", -1);
      if (fields.length != 4) {
        continue;
      }
      try {
        sightings.add(
            new Sighting(
                fields[0],
                new Position(fields[1], Long.parseLong(fields[2])),
                Long.parseLong(fields[3])));
      } catch (NumberFormatException e) {
        // Not a line this version wrote: skip it.
      }
    }
    return new Batch(lines[0], sightings);
  }

  private static boolean unfit(String text) {
    return text == null || text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0;
  }

  /** One session's sightings since the last batch; changed only inside the map's compute. */
  private static final class Pending {

    final String eventId;
    final Map<String, Sighting> latest = new HashMap<>();

    Pending(String eventId) {
      this.eventId = eventId;
    }

    void add(Sighting sighting) {
      String key = sighting.client() + '\t' + sighting.position().track();
      Sighting before = latest.get(key);
      if (before != null ? sighting.at() >= before.at() : latest.size() < MAX_PER_SESSION) {
        latest.put(key, sighting);
      }
    }
  }
}

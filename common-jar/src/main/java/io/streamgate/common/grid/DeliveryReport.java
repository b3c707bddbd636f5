package io.streamgate.common.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a media member saw of one viewer session's delivery since its last report: segments served
 * by rendition, the throughput the player measured (CMCD {@code mtp}) and how often its buffer ran
 * dry (CMCD {@code bs}). Members write batches of these to the data-grid map {@link #MAP} under a
 * random key, as plain text (one report a line: {@code sid;event;kbps;starvations;name=n,name=n}),
 * so no member needs application classes to read them; one platform member takes each batch ({@code
 * remove}) and adds it to the sessions' viewing records.
 *
 * @param throughputKbps the mean of the player's measurements, 0 when it sent none
 */
public record DeliveryReport(
    String sessionId,
    String eventId,
    int throughputKbps,
    int starvations,
    Map<String, Long> segments) {

  /** Name of the grid map: random key to a batch of reports. */
  public static final String MAP = "streamgate-delivery-reports";

  /** Reports in one grid entry at most. */
  public static final int PER_BATCH = 500;

  /** Renditions one session names at most; segments of further ones count as {@link #OTHER}. */
  public static final int MAX_RENDITIONS = 8;

  public static final String OTHER = "other";

  /**
   * Adds {@code count} segments of {@code rendition} to a session's counts, under {@link #OTHER}
   * once {@link #MAX_RENDITIONS} others are named.
   */
  public static void add(Map<String, Long> segments, String rendition, long count) {
    String name =
        segments.containsKey(rendition) || segments.size() < MAX_RENDITIONS ? rendition : OTHER;
    segments.merge(name, count, Long::sum);
  }

  /** The grid value of a batch. */
  public static String encode(List<DeliveryReport> reports) {
    StringBuilder text = new StringBuilder(reports.size() * 96);
    for (DeliveryReport report : reports) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(report.sessionId)
          .append(';')
          .append(report.eventId)
          .append(';')
          .append(report.throughputKbps)
          .append(';')
          .append(report.starvations)
          .append(';');
      boolean first = true;
      for (Map.Entry<String, Long> rendition : report.segments.entrySet()) {
        if (!first) {
          text.append(',');
        }
        text.append(rendition.getKey()).append('=').append(rendition.getValue());
        first = false;
      }
    }
    return text.toString();
  }

  /** The reports of a grid value; lines this version does not understand are skipped. */
  public static List<DeliveryReport> parse(String value) {
    List<DeliveryReport> reports = new ArrayList<>();
    if (value == null) {
      return reports;
    }
    for (String line : value.split("\n")) {
      String[] parts = line.split(";", -1);
      if (parts.length != 5 || parts[0].isEmpty() || parts[1].isEmpty()) {
        continue;
      }
      try {
        Map<String, Long> segments = new LinkedHashMap<>();
        if (!parts[4].isEmpty()) {
          for (String pair : parts[4].split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
              segments.merge(
                  pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)), Long::sum);
            }
          }
        }
        reports.add(
            new DeliveryReport(
                parts[0],
                parts[1],
                Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]),
                segments));
      } catch (NumberFormatException e) {
        // Not a line a media member writes: skipped.
      }
    }
    return reports;
  }
}

package io.streamgate.media.quality.entity;

import java.util.Locale;

/**
 * The Common Media Client Data (CTA-5004) a player sends with a request, as far as StreamGate reads
 * it: measured throughput, encoded bitrate, buffer length, buffer starvation and start-up. It comes
 * from the player and is believed for nothing but its own session's delivery figures: never for
 * access, never for what is served. Reading is bounded: a value over {@link #MAX_LENGTH} characters
 * is ignored whole, each number must be plausible, anything else is skipped.
 *
 * @param throughputKbps {@code mtp}, 0 when absent
 * @param bitrateKbps {@code br}, 0 when absent
 * @param bufferMs {@code bl}, -1 when absent
 * @param starved {@code bs}: the buffer ran dry before this request
 * @param startup {@code su}: the player is starting or re-buffering
 */
public record Cmcd(
    int throughputKbps, int bitrateKbps, int bufferMs, boolean starved, boolean startup) {

  /** Longest query value read; hls.js sends about 150 characters. */
  public static final int MAX_LENGTH = 1024;

  public static final Cmcd NONE = new Cmcd(0, 0, -1, false, false);

  /** The data of the {@code CMCD} query parameter (already URL-decoded); NONE when unreadable. */
  public static Cmcd parse(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
      return NONE;
    }
    int throughput = 0;
    int bitrate = 0;
    int buffer = -1;
    boolean starved = false;
    boolean startup = false;
    for (String pair : value.split(",", 64)) {
      int equals = pair.indexOf('=');
      String key = (equals < 0 ? pair : pair.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
      String raw = equals < 0 ? null : pair.substring(equals + 1).trim();
      switch (key) {
        case "mtp" -> throughput = number(raw, 10_000_000, 0);
        case "br" -> bitrate = number(raw, 1_000_000, 0);
        case "bl" -> buffer = number(raw, 3_600_000, -1);
        case "bs" -> starved = raw == null || "true".equals(raw);
        case "su" -> startup = raw == null || "true".equals(raw);
        default -> {
          // Keys StreamGate does not read (sid, cid, ot, d, sf, st, v, ...).
        }
      }
    }
    return new Cmcd(throughput, bitrate, buffer, starved, startup);
  }

  /** A whole number from 0 to {@code max}, else {@code otherwise}. */
  private static int number(String raw, int max, int otherwise) {
    if (raw == null || raw.isEmpty() || raw.length() > 9) {
      return otherwise;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return otherwise;
      }
    }
    int number = Integer.parseInt(raw);
    return number <= max ? number : otherwise;
  }
}

package io.streamgate.system;

/** Reads StreamGate's Prometheus metrics ({@code /metrics}) the way a scraper sees them. */
final class Metrics {

  private Metrics() {}

  /** The sum of every series of {@code name} whose labels contain {@code labels} ("" for all). */
  static double sum(LaunchedStreamGate streamGate, String name, String labels) {
    return streamGate
        .get("/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .filter(line -> line.contains(labels))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }
}

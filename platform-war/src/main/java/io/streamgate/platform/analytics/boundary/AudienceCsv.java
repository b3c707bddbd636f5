package io.streamgate.platform.analytics.boundary;

import io.streamgate.platform.analytics.control.Audience;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** An event's viewers minute by minute, as CSV: numbers and times only, nothing typed by anyone. */
final class AudienceCsv {

  static final String[] HEADER = {"Minute (UTC)", "Viewers", "Sessions started"};

  private AudienceCsv() {}

  static void write(Audience audience, OutputStream out) throws IOException {
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer)) {
      for (Audience.Minute minute : audience.minutes()) {
        printer.printRecord(minute.minute().toString(), minute.viewers(), minute.started());
      }
    }
  }
}

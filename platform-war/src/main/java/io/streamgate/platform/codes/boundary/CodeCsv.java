package io.streamgate.platform.codes.boundary;

import io.streamgate.platform.codes.control.CodeQueries;
import io.streamgate.platform.events.entity.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes an event's codes as CSV, row by row as the database hands them over. Cells that a
 * spreadsheet would run as a formula (starting with = + - @ or a control character) get a leading
 * apostrophe, so an admin-typed label cannot become a formula in someone's spreadsheet.
 */
@ApplicationScoped
public class CodeCsv {

  static final String[] HEADER = {"Code", "Event Title", "Expires At", "Label", "Status"};

  @Inject CodeQueries codes;

  public void write(Event event, OutputStream out) throws IOException {
    BufferedWriter writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer)) {
      String title = cell(event.title());
      try {
        codes.export(
            event.id(),
            row -> {
              try {
                printer.printRecord(
                    row.code(), title, row.expiresAt().toString(), cell(row.label()), row.status());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first < ' '
        ? "'" + value
        : value;
  }
}

package io.streamgate.platform.tickets.control;

import io.streamgate.platform.csv.control.CsvRows;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of an attendee list: CSV of e-mail address, name, optional label and optional time zone
 * (an IANA name such as {@code Europe/Berlin}), in that order or wherever a header line puts them
 * ({@code email}, {@code name}, {@code label}, {@code time zone}). Lines are at most {@value
 * #LONGEST_LINE} characters.
 */
public final class AttendeeSource {

  /** The longest line of an attendee list. */
  public static final int LONGEST_LINE = 2048;

  static final int EMAIL = 0;
  static final int NAME = 1;
  static final int LABEL = 2;
  static final int TIME_ZONE = 3;

  private static final List<CsvRows.Column> COLUMNS =
      List.of(
          CsvRows.Column.named("email", "e-mail", "email address", "e-mail address", "mail"),
          CsvRows.Column.named("name", "full name", "attendee"),
          CsvRows.Column.named("label"),
          CsvRows.Column.named("time zone", "timezone", "time_zone", "tz"));

  private AttendeeSource() {}

  public static Iterator<CsvRows.Row> rows(InputStream body) {
    return CsvRows.read(body, COLUMNS, LONGEST_LINE, "a list of attendees");
  }
}

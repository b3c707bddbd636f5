package io.streamgate.platform.codes.control;

import io.streamgate.platform.csv.control.CsvRows;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of a file of codes to import, read as they arrive (never the whole file in memory).
 *
 * <p>CSV: UTF-8 (a byte-order mark is skipped), one code a line, an optional label in the second
 * column, further columns ignored; a first line naming its columns ({@code code}, {@code label}) is
 * a header, and then those columns are used wherever they are. A row's number is its line number
 * (in a file without line breaks inside quotes). JSON: an array of codes, or of objects {@code
 * {code, label?}}, or an object {@code {codes: [...]}}; a row's number is its position.
 *
 * <p>A row is handed on with what is wrong with it: a cell that a spreadsheet would run as a
 * formula (it starts with {@code = + - @}, a tab or a carriage return). What makes the rest
 * unreadable (not UTF-8, a line longer than {@link #LONGEST_LINE} characters, broken JSON) ends the
 * rows with a last row that says so.
 */
public final class CodeImportSource {

  private static final List<CsvRows.Column> COLUMNS =
      List.of(
          CsvRows.Column.named("code", "access code", "access_code"),
          CsvRows.Column.named("label"));

  /** The longest line a CSV of codes and labels can have. */
  public static final int LONGEST_LINE = 1024;

  /**
   * One row: where it is ({@code Line 4}, {@code Item 4}), the code as written, its label, or what
   * is wrong with it.
   */
  public record Row(String place, String code, String label, String problem, boolean last) {

    static Row of(String place, String code, String label) {
      return new Row(place, code, label, null, false);
    }

    static Row wrong(String place, String problem) {
      return new Row(place, null, null, place + ": " + problem, false);
    }

    static Row end(String place, String problem) {
      return new Row(place, null, null, place + ": " + problem, true);
    }
  }

  /** The kinds of file taken. */
  public enum Format {
    CSV,
    JSON
  }

  private CodeImportSource() {}

  public static Iterator<Row> rows(Format format, InputStream body) {
    return format == Format.CSV ? csv(body) : json(CsvRows.text(body, Integer.MAX_VALUE));
  }

  private static Iterator<Row> csv(InputStream body) {
    Iterator<CsvRows.Row> rows = CsvRows.read(body, COLUMNS, LONGEST_LINE, "a file of codes");
    return new CsvRows.Rows<Row>() {
      @Override
      protected Row read() {
        if (!rows.hasNext()) {
          ended = true;
          return null;
        }
        CsvRows.Row row = rows.next();
        if (row.problem() != null) {
          return new Row(row.place(), null, null, row.problem(), row.last());
        }
        return Row.of(row.place(), row.cell(0) == null ? "" : row.cell(0), row.cell(1));
      }
    };
  }

  private static Iterator<Row> json(Reader text) {
    JsonParser parser = jakarta.json.Json.createParser(text);
    return new CsvRows.Rows<Row>() {
      private int item;
      private boolean started;

      @Override
      protected Row read() {
        try {
          if (!started) {
            started = true;
            if (!start()) {
              ended = true;
              return Row.end("Item 1", "expected a JSON array of codes, or {\"codes\": [...]}.");
            }
          }
          JsonParser.Event event = parser.next();
          if (event == JsonParser.Event.END_ARRAY) {
            ended = true;
            return null;
          }
          item++;
          if (event == JsonParser.Event.VALUE_STRING) {
            return Row.of("Item " + item, parser.getString(), null);
          }
          if (event == JsonParser.Event.START_OBJECT) {
            var object = parser.getObject();
            String code =
                object.get("code") instanceof jakarta.json.JsonString s ? s.getString() : null;
            String label =
                object.get("label") instanceof jakarta.json.JsonString s ? s.getString() : null;
            if (code == null) {
              return Row.wrong("Item " + item, "no \"code\" string.");
            }
            for (String cell : new String[] {code, label == null ? "" : label}) {
              String problem = CsvRows.cellProblem(cell);
              if (problem != null) {
                return Row.wrong("Item " + item, problem);
              }
            }
            return Row.of(
                "Item " + item, code, label == null || label.isBlank() ? null : label.strip());
          }
          if (event == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
          }
          return Row.wrong("Item " + item, "neither a code nor {code, label}.");
        } catch (JsonParsingException | NoSuchElementException e) {
          ended = true;
          return Row.end("Item " + (item + 1), "not JSON (" + e.getMessage() + ").");
        } catch (jakarta.json.JsonException e) {
          ended = true;
          return Row.end("Item " + (item + 1), unreadable(e.getCause() == null ? e : e.getCause()));
        } catch (RuntimeException e) {
          // The parser's own limits (nesting too deep, a number too long) are not JSON errors to
          // it, but they end the file all the same.
          ended = true;
          return Row.end("Item " + (item + 1), "not JSON this import can read.");
        }
      }

      /** Moves to the array's first item: at the top, or under "codes". */
      private boolean start() {
        JsonParser.Event first = parser.next();
        if (first == JsonParser.Event.START_ARRAY) {
          return true;
        }
        if (first != JsonParser.Event.START_OBJECT) {
          return false;
        }
        while (parser.hasNext()) {
          JsonParser.Event event = parser.next();
          if (event == JsonParser.Event.KEY_NAME && parser.getString().equals("codes")) {
            return parser.next() == JsonParser.Event.START_ARRAY;
          }
          if (event == JsonParser.Event.START_OBJECT) {
            parser.skipObject();
          } else if (event == JsonParser.Event.START_ARRAY) {
            parser.skipArray();
          } else if (event == JsonParser.Event.END_OBJECT) {
            return false;
          }
        }
        return false;
      }
    };
  }

  /** Why the rest of a JSON file cannot be read. */
  private static String unreadable(Throwable failure) {
    return CsvRows.unreadable(failure, Integer.MAX_VALUE, "a file of codes");
  }
}

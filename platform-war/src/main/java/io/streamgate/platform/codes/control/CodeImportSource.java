package io.streamgate.platform.codes.control;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
    // A JSON file may well be one long line; CSV lines are short.
    Reader text =
        new LineLimit(utf8(body), format == Format.CSV ? LONGEST_LINE : Integer.MAX_VALUE);
    return format == Format.CSV ? csv(text) : json(text);
  }

  private static Reader utf8(InputStream body) {
    return new InputStreamReader(
        body,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static Iterator<Row> csv(Reader text) {
    CSVParser parser;
    try {
      parser =
          CSVFormat.DEFAULT
              .builder()
              .setIgnoreEmptyLines(true)
              .setIgnoreSurroundingSpaces(true)
              .build()
              .parse(text);
    } catch (IOException e) {
      return List.of(Row.end("Line 1", unreadable(e))).iterator();
    }
    Iterator<CSVRecord> records = parser.iterator();
    return new Rows() {
      private int codeColumn = 0;
      private int labelColumn = 1;
      private boolean first = true;

      @Override
      Row read() {
        try {
          while (records.hasNext()) {
            CSVRecord record = records.next();
            String line = "Line " + record.getRecordNumber();
            if (first) {
              first = false;
              if (header(record)) {
                continue;
              }
            }
            for (String cell : record) {
              String problem = cellProblem(cell);
              if (problem != null) {
                return Row.wrong(line, problem);
              }
            }
            String code = record.size() > codeColumn ? record.get(codeColumn) : "";
            String label = record.size() > labelColumn ? record.get(labelColumn) : null;
            return Row.of(line, code, label == null || label.isBlank() ? null : label.strip());
          }
          ended = true;
          return null;
        } catch (UncheckedIOException e) {
          ended = true;
          return Row.end("Line " + (parser.getRecordNumber() + 1), unreadable(e.getCause()));
        } catch (IllegalStateException e) {
          ended = true;
          return Row.end(
              "Line " + (parser.getRecordNumber() + 1),
              e.getCause() instanceof IOException failure
                  ? unreadable(failure)
                  : "not CSV (" + e.getMessage() + ").");
        }
      }

      /** A first row that names its columns: which ones hold the code and the label. */
      private boolean header(CSVRecord record) {
        int code = -1;
        int label = -1;
        for (int i = 0; i < record.size(); i++) {
          String name = record.get(i).strip().toLowerCase(Locale.ROOT);
          if (name.equals("code") || name.equals("access code") || name.equals("access_code")) {
            code = i;
          } else if (name.equals("label")) {
            label = i;
          }
        }
        if (code < 0) {
          return false;
        }
        codeColumn = code;
        labelColumn = label < 0 ? Integer.MAX_VALUE : label;
        return true;
      }
    };
  }

  private static Iterator<Row> json(Reader text) {
    JsonParser parser = jakarta.json.Json.createParser(text);
    return new Rows() {
      private int item;
      private boolean started;

      @Override
      Row read() {
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
              String problem = cellProblem(cell);
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

  /** Rows read one at a time by {@link #read}, which sets {@code ended} after the last. */
  private abstract static class Rows implements Iterator<Row> {
    boolean ended;
    private Row next;

    /** The next row, or null (with {@code ended} set) when there is none. */
    abstract Row read();

    @Override
    public boolean hasNext() {
      if (next == null && !ended) {
        next = read();
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row row = next;
      next = null;
      return row;
    }
  }

  /** Why the rest cannot be read: not UTF-8, or a line far too long. */
  private static String unreadable(Throwable failure) {
    if (failure instanceof CharacterCodingException) {
      return "the file is not UTF-8 text. Save it as UTF-8 (\"CSV UTF-8\" in spreadsheet"
          + " programs) and upload it again.";
    }
    if (failure instanceof LineTooLong) {
      return "a line is longer than "
          + LONGEST_LINE
          + " characters; a file of codes has short lines.";
    }
    return "the file could not be read to its end.";
  }

  /**
   * What is wrong with a cell, or null: it would run as a spreadsheet formula (it starts, leading
   * spaces aside, with {@code = + - @} or a tab or carriage return), or it holds a control or
   * formatting character (a NUL, an escape, a right-to-left override).
   */
  static String cellProblem(String cell) {
    String stripped = cell.stripLeading();
    if (!stripped.isEmpty()) {
      char first = stripped.charAt(0);
      if (first == '=' || first == '+' || first == '-' || first == '@') {
        return "a cell starts with "
            + describe(first)
            + ", which a spreadsheet would run as a formula.";
      }
    }
    if (!cell.isEmpty() && (cell.charAt(0) == '\t' || cell.charAt(0) == '\r')) {
      return "a cell starts with "
          + describe(cell.charAt(0))
          + ", which a spreadsheet would run as a formula.";
    }
    boolean hidden =
        cell.codePoints()
            .anyMatch(
                c ->
                    Character.getType(c) == Character.CONTROL
                        || Character.getType(c) == Character.FORMAT);
    return hidden ? "a cell holds a control or formatting character." : null;
  }

  private static String describe(char c) {
    return c == '\t' ? "a tab" : c == '\r' ? "a carriage return" : "'" + c + "'";
  }

  /** Raised when a line passes {@link #LONGEST_LINE}. */
  static final class LineTooLong extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Skips a byte-order mark, and ends reading at a line longer than {@code longest}, whatever the
   * parser buffers.
   */
  private static final class LineLimit extends FilterReader {
    private final int longest;
    private int sinceNewline;
    private boolean bomChecked;

    LineLimit(Reader in, int longest) {
      super(in);
      this.longest = longest;
    }

    @Override
    public int read() throws IOException {
      char[] one = new char[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0 && !bomChecked) {
        bomChecked = true;
        if (buffer[offset] == '\uFEFF') {
          System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
          n--;
          if (n == 0) {
            return read(buffer, offset, length);
          }
        }
      }
      for (int i = offset; i < offset + Math.max(n, 0); i++) {
        if (buffer[i] == '\n' || buffer[i] == '\r') {
          sinceNewline = 0;
        } else if (++sinceNewline > longest) {
          throw new LineTooLong();
        }
      }
      return n;
    }
  }
}

package io.streamgate.platform.csv.control;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of an uploaded CSV file, read as they arrive (never the whole file in memory): UTF-8 (a
 * byte-order mark is skipped), empty lines skipped, cells stripped. The columns are given in their
 * usual order; a first line naming the first column (by any of its names) is a header, and then
 * each column is taken wherever the header puts it, and a column it does not name is absent.
 *
 * <p>A row is handed on with what is wrong with it when a cell of a column asked for would run as a
 * spreadsheet formula or hides a control character. What makes the rest unreadable (not UTF-8, a
 * line longer than the longest allowed, broken quoting) ends the rows with a last row that says so.
 */
public final class CsvRows {

  /** A column: the names a header may give it, the first the one shown. */
  public record Column(List<String> names) {

    public static Column named(String... names) {
      return new Column(List.of(names));
    }

    boolean isCalled(String header) {
      return names.contains(header.strip().toLowerCase(Locale.ROOT));
    }
  }

  /**
   * One row: where it is ({@code Line 4}), its cells in the order of the columns asked for (null
   * where absent or blank), or what is wrong with it ({@code Line 4: ...}), and whether nothing can
   * be read after it.
   */
  public record Row(String place, List<String> cells, String problem, boolean last) {

    /** The cell of the column at {@code index} in the list asked for, or null. */
    public String cell(int index) {
      return index < cells.size() ? cells.get(index) : null;
    }

    static Row wrong(String place, String problem, boolean last) {
      return new Row(place, List.of(), place + ": " + problem, last);
    }
  }

  private CsvRows() {}

  /**
   * The rows of {@code body} for these columns; {@code what} names the file in messages ("a file of
   * codes").
   */
  public static Iterator<Row> read(
      InputStream body, List<Column> columns, int longestLine, String what) {
    Reader text = new LineLimit(utf8(body), longestLine);
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
      return List.of(Row.wrong("Line 1", unreadable(e, longestLine, what), true)).iterator();
    }
    Iterator<CSVRecord> records = parser.iterator();
    return new Rows<Row>() {
      private int[] positions = positionsInOrder(columns.size());
      private boolean first = true;

      @Override
      protected Row read() {
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
            // Only the columns read are checked: the others are never stored or shown.
            List<String> cells = new ArrayList<>(positions.length);
            for (int position : positions) {
              String cell = position < record.size() ? record.get(position) : null;
              String problem = cell == null ? null : cellProblem(cell);
              if (problem != null) {
                return Row.wrong(line, problem, false);
              }
              cells.add(cell == null || cell.isBlank() ? null : cell.strip());
            }
            return new Row(line, cells, null, false);
          }
          ended = true;
          return null;
        } catch (UncheckedIOException e) {
          ended = true;
          return Row.wrong(
              "Line " + (parser.getRecordNumber() + 1),
              unreadable(e.getCause(), longestLine, what),
              true);
        } catch (IllegalStateException e) {
          ended = true;
          return Row.wrong(
              "Line " + (parser.getRecordNumber() + 1),
              e.getCause() instanceof IOException failure
                  ? unreadable(failure, longestLine, what)
                  : "not CSV (" + e.getMessage() + ").",
              true);
        }
      }

      /** A first row that names the first column: where each column is. */
      private boolean header(CSVRecord record) {
        int[] found = new int[columns.size()];
        Arrays.fill(found, Integer.MAX_VALUE);
        for (int i = 0; i < record.size(); i++) {
          for (int c = 0; c < columns.size(); c++) {
            if (found[c] == Integer.MAX_VALUE && columns.get(c).isCalled(record.get(i))) {
              found[c] = i;
              break;
            }
          }
        }
        if (found[0] == Integer.MAX_VALUE) {
          return false;
        }
        positions = found;
        return true;
      }
    };
  }

  private static int[] positionsInOrder(int count) {
    int[] positions = new int[count];
    Arrays.setAll(positions, i -> i);
    return positions;
  }

  private static Reader utf8(InputStream body) {
    return new InputStreamReader(
        body,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /**
   * A reader of UTF-8 text that skips a byte-order mark and ends with an {@link IOException} at a
   * line longer than {@code longestLine} ({@link Integer#MAX_VALUE}: no limit).
   */
  public static Reader text(InputStream body, int longestLine) {
    return new LineLimit(utf8(body), longestLine);
  }

  /**
   * {@code attachment; filename="<prefix>-<title>.csv"}: a safe ASCII name, and the real one for
   * browsers that read it.
   */
  public static String attachment(String prefix, String title) {
    String ascii = title.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "");
    String name = prefix + "-" + (ascii.isEmpty() ? "event" : ascii) + ".csv";
    String utf8 =
        URLEncoder.encode(prefix + "-" + title + ".csv", StandardCharsets.UTF_8)
            .replace("+", "%20");
    return "attachment; filename=\"" + name + "\"; filename*=UTF-8''" + utf8;
  }

  /** Why the rest cannot be read: not UTF-8, or a line far too long. */
  public static String unreadable(Throwable failure, int longestLine, String what) {
    if (failure instanceof CharacterCodingException) {
      return "the file is not UTF-8 text. Save it as UTF-8 (\"CSV UTF-8\" in spreadsheet"
          + " programs) and upload it again.";
    }
    if (failure instanceof LineTooLong) {
      return "a line is longer than " + longestLine + " characters; " + what + " has short lines.";
    }
    return "the file could not be read to its end.";
  }

  /**
   * What is wrong with a cell, or null: it would run as a spreadsheet formula (it starts, leading
   * spaces aside, with {@code = + - @} or a tab or carriage return), or it holds a control or
   * formatting character (a NUL, an escape, a right-to-left override).
   */
  public static String cellProblem(String cell) {
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

  /** Rows read one at a time by {@link #read}, which sets {@code ended} after the last. */
  public abstract static class Rows<T> implements Iterator<T> {
    protected boolean ended;
    private T next;

    /** The next row, or null (with {@code ended} set) when there is none. */
    protected abstract T read();

    @Override
    public boolean hasNext() {
      if (next == null && !ended) {
        next = read();
      }
      return next != null;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      T row = next;
      next = null;
      return row;
    }
  }

  /** Raised when a line passes the longest allowed. */
  static final class LineTooLong extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Skips a byte-order mark, and ends reading at a record longer than {@code longest}, whatever the
   * parser buffers: line breaks inside a quoted cell do not end the count, so a cell cannot grow
   * beyond it either.
   */
  private static final class LineLimit extends FilterReader {
    private final int longest;
    private int sinceNewline;
    private boolean quoted;
    private boolean fieldStart = true;
    private boolean justClosed;
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
        char c = buffer[i];
        follow(c);
        if ((c == '\n' || c == '\r') && !quoted) {
          sinceNewline = 0;
        } else if (++sinceNewline > longest) {
          throw new LineTooLong();
        }
      }
      return n;
    }

    /**
     * Follows CSV quoting as the parser does: a cell is quoted when it starts (spaces aside) with a
     * quote, and ends at a quote not followed by another one.
     */
    private void follow(char c) {
      if (quoted) {
        if (c == '"') {
          quoted = false;
          justClosed = true;
        }
        return;
      }
      if (c == '"' && (fieldStart || justClosed)) {
        quoted = true; // a cell's opening quote, or the second of a doubled one
        justClosed = false;
        fieldStart = false;
        return;
      }
      justClosed = false;
      if (c == ',' || c == '\n' || c == '\r') {
        fieldStart = true;
      } else if (!Character.isWhitespace(c)) {
        fieldStart = false; // the parser skips any white space before an opening quote
      }
    }
  }
}

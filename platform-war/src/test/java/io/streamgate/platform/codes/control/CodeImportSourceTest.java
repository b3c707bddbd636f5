package io.streamgate.platform.codes.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamgate.platform.csv.control.CsvRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading files of printed codes: what each row becomes, and what ends the reading. */
class CodeImportSourceTest {

  @Test
  void csvRowsKeepTheirLinesLabelsAndHeaderColumns() {
    List<CodeImportSource.Row> rows =
        rows(CodeImportSource.Format.CSV, "\uFEFFLabel,Code\r\nfront,ABCD-EFGH-JKMN\r\n,PQRS\r\n");
    assertEquals(2, rows.size());
    assertEquals("Line 2", rows.get(0).place());
    assertEquals("ABCD-EFGH-JKMN", rows.get(0).code());
    assertEquals("front", rows.get(0).label());
    assertNull(rows.get(1).label());
  }

  @Test
  void formulasControlCharactersAndOverridesAreRefusedWhereverTheyHide() {
    for (String cell :
        List.of(
            "=1+1", " =HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "a\u0000b", "a\u202eb")) {
      assertTrue(CsvRows.cellProblem(cell) != null, cell);
    }
    assertNull(CsvRows.cellProblem("balcony, left (B) 12"));
    List<CodeImportSource.Row> rows =
        rows(CodeImportSource.Format.CSV, "ABCDEFGHJKMN,\" =cmd|' /C calc'!A0\"\n");
    assertTrue(rows.get(0).problem().contains("formula"), rows.get(0).problem());
    List<CodeImportSource.Row> json =
        rows(CodeImportSource.Format.JSON, "[{\"code\":\"ABCDEFGHJKMN\",\"label\":\"=1+1\"}]");
    assertTrue(json.get(0).problem().startsWith("Item 1: a cell starts with '='"), json.toString());
  }

  @Test
  void carriageReturnLinesAreLinesAndAnEndlessOneEndsTheFile() {
    assertEquals(
        3, rows(CodeImportSource.Format.CSV, "ABCDEFGHJKMN\rABCDEFGHJKMP\rABCDEFGHJKMQ\r").size());
    List<CodeImportSource.Row> endless =
        rows(CodeImportSource.Format.CSV, "A".repeat(CodeImportSource.LONGEST_LINE + 1));
    assertTrue(endless.get(endless.size() - 1).last());
    assertTrue(endless.get(endless.size() - 1).problem().contains("longer than 1024"));
  }

  @Test
  void brokenOrHostileJsonEndsTheFileWithAProblemNotAFailure() {
    for (String body :
        List.of(
            "{\"codes\":\"ABCDEFGHJKMN\"}",
            "[\"ABCDEFGHJKMN\", ",
            "[{\"code\":\"ABCDEFGHJKMN\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]",
            "[{\"code\":\"ABCDEFGHJKMN\",\"x\":" + "1".repeat(5000) + "}]")) {
      List<CodeImportSource.Row> rows = rows(CodeImportSource.Format.JSON, body);
      assertTrue(
          rows.stream().anyMatch(row -> row.problem() != null),
          body.substring(0, Math.min(60, body.length())) + ": " + rows);
    }
  }

  private static List<CodeImportSource.Row> rows(CodeImportSource.Format format, String text) {
    List<CodeImportSource.Row> rows = new ArrayList<>();
    CodeImportSource.rows(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
        .forEachRemaining(rows::add);
    return rows;
  }
}

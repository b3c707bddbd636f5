package io.streamgate.common.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's configuration table, as the setting descriptions have it: one row per setting,
 * {@code | `NAME` | default | meaning |}. Tests compare the README with {@link #row(Setting)}.
 */
public final class SettingsTable {

  private static final Pattern NAME = Pattern.compile("`([A-Z][A-Z0-9_]*)`");

  /** The README row of a setting. */
  public static String row(Setting<?> setting) {
    return "| `"
        + setting.name()
        + "` | "
        + setting.shownDefault()
        + " | "
        + setting.meaning()
        + " |";
  }

  /**
   * The rows of the table in the section headed {@code ## Configuration}, by the variable named in
   * their first cell.
   */
  public static Map<String, String> rows(String readme) {
    Map<String, String> rows = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : readme.split("\n")) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals("## Configuration");
        continue;
      }
      if (inSection && line.startsWith("| `")) {
        String first = line.substring(1, line.indexOf('|', 1));
        Matcher name = NAME.matcher(first);
        while (name.find()) {
          rows.put(name.group(1), line.strip());
        }
      }
    }
    return rows;
  }

  /**
   * What the README file gets wrong about these settings, after rewriting their rows in it when
   * {@code update} is set (the tests' {@code -Dstreamgate.updateReadme=true}).
   */
  public static List<String> problems(
      java.nio.file.Path readme, List<Setting<?>> settings, boolean update)
      throws java.io.IOException {
    String text = java.nio.file.Files.readString(readme);
    if (update) {
      text = update(text, settings);
      java.nio.file.Files.writeString(readme, text);
    }
    return problems(text, settings);
  }

  /** What the README gets wrong about these settings: a missing row, or another default/meaning. */
  public static List<String> problems(String readme, List<Setting<?>> settings) {
    Map<String, String> rows = rows(readme);
    List<String> problems = new ArrayList<>();
    for (Setting<?> setting : settings) {
      String expected = row(setting);
      String found = rows.get(setting.name());
      if (!expected.equals(found)) {
        problems.add(
            setting.name()
                + ": the README's configuration table should have\n  "
                + expected
                + "\nbut has\n  "
                + (found == null ? "no row" : found));
      }
    }
    return problems;
  }

  /**
   * The README with the rows of these settings as described: a row that names one of them is
   * replaced, a setting without a row gets one at the end of the table.
   */
  public static String update(String readme, List<Setting<?>> settings) {
    Map<String, String> expected = new LinkedHashMap<>();
    settings.forEach(setting -> expected.put(setting.name(), row(setting)));
    List<String> out = new ArrayList<>();
    boolean inSection = false;
    boolean inTable = false;
    for (String line : readme.split("\n", -1)) {
      if (line.startsWith("## ")) {
        inSection = line.strip().equals("## Configuration");
      }
      boolean tableLine = inSection && line.startsWith("|");
      if (inTable && !tableLine) {
        out.addAll(expected.values());
        expected.clear();
      }
      inTable = tableLine;
      if (tableLine && line.startsWith("| `")) {
        String first = line.substring(1, line.indexOf('|', 1));
        Matcher name = NAME.matcher(first);
        if (name.find() && expected.containsKey(name.group(1))) {
          out.add(expected.remove(name.group(1)));
          continue;
        }
      }
      out.add(line);
    }
    return String.join("\n", out);
  }

  private SettingsTable() {}
}

package fr.apl.demand;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project's shared data and reads its small CSV files.
 *
 * <p>CI runs the tests in a fresh clone with a copy of {@code shared/} beside it, at
 * {@code <repo>/../shared}. Surefire starts the tests in the module directory
 * ({@code <repo>/apl-core}), an IDE often in the repository root, so the module directory and its
 * two parents are tried. A missing directory fails the test: skipping would let a broken CI
 * checkout pass silently.
 */
public final class SharedData {

  private SharedData() {}

  /** Returns {@code shared/data}, or fails naming the directories tried. */
  static Path dataDirectory() {
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    List<Path> tried = new ArrayList<>();
    Path dir = start;
    for (int up = 0; up <= 2 && dir != null; up++, dir = dir.getParent()) {
      Path data = dir.resolve("shared").resolve("data");
      tried.add(data);
      if (Files.isDirectory(data)) {
        return data;
      }
    }
    return fail("shared data not found: expected a copy of shared/ beside the repository"
        + " (<repo>/../shared/data); tried " + tried);
  }

  /** Returns a file under {@code shared/data}, failing when it is absent. */
  public static Path file(String relative) {
    Path p = dataDirectory().resolve(relative);
    if (!Files.isRegularFile(p)) {
      fail("shared data file missing: " + p);
    }
    return p;
  }

  /** Reads a UTF-8 CSV file into rows of fields, the header row first. */
  static List<String[]> readCsv(Path file) {
    try {
      List<String[]> rows = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isEmpty()) {
          rows.add(splitCsvLine(line));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Splits one comma-separated line. A field may be quoted, and then holds commas and doubled
   * quotes ({@code "Saint-Denis, la ""Plaine"""}); no field of these files spans lines. A leading
   * UTF-8 byte order mark is dropped.
   */
  static String[] splitCsvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int start = !line.isEmpty() && line.charAt(0) == '\uFEFF' ? 1 : 0;
    for (int k = start; k < line.length(); k++) {
      char c = line.charAt(k);
      if (quoted) {
        if (c == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
          field.append('"');
          k++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unbalanced quote in CSV line: " + line);
    }
    fields.add(field.toString());
    return fields.toArray(new String[0]);
  }

  /** Returns the position of a column in a header row, failing when it is absent. */
  static int column(String[] header, String name) {
    for (int k = 0; k < header.length; k++) {
      if (header[k].equals(name)) {
        return k;
      }
    }
    return fail("column " + name + " not found in header " + String.join(",", header));
  }
}

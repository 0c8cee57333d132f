package fr.apl.demand;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Finds the public data files bundled as test resources ({@code src/test/resources}, described in
 * its README.md) and reads their small CSV files.
 *
 * <p>The files are on the test classpath, so the tests run in a fresh clone with nothing beside
 * it. A missing resource fails the test: skipping would let a broken checkout pass silently.
 */
public final class TestData {

  private TestData() {}

  /**
   * Returns a test resource as a file, e.g. {@code drees/apl_mg_2023_france.csv.gz}, failing when
   * it is absent.
   */
  public static Path file(String relative) {
    URL url = TestData.class.getResource("/" + relative);
    if (url == null) {
      return fail("test resource missing from the classpath: " + relative
          + " (expected under src/test/resources)");
    }
    try {
      Path p = Path.of(url.toURI());
      if (!Files.isRegularFile(p)) {
        fail("test resource is not a regular file: " + p);
      }
      return p;
    } catch (URISyntaxException | FileSystemNotFoundException e) {
      return fail("test resource " + relative + " is not a file: " + url, e);
    }
  }

  /**
   * Reads a UTF-8 CSV file into rows of fields, the header row first; a file whose name ends in
   * {@code .gz} is gunzipped.
   */
  static List<String[]> readCsv(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = reader.readLine()) != null) {
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

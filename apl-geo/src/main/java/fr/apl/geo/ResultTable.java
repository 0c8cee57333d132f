package fr.apl.geo;

import fr.apl.io.csv.CsvReader;
import fr.apl.io.csv.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Holds a result table by commune as text (an {@code apl compute} output, a zoning's commune
 * table, any CSV with a commune column): the codes stay text, the columns are read as numbers or
 * text on demand.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResultTable {

  private final String source;
  private final List<String> header;
  private final SortedMap<String, List<String>> rows;
  private final Map<String, Long> lines;

  private ResultTable(
      String source,
      List<String> header,
      SortedMap<String, List<String>> rows,
      Map<String, Long> lines) {
    this.source = source;
    this.header = List.copyOf(header);
    this.rows = Collections.unmodifiableSortedMap(rows);
    this.lines = lines;
  }

  /**
   * Reads a table with a commune column ({@code commune}, {@code code_commune}, {@code codgeo}…).
   *
   * @param file CSV, plain or gzip, ',' or ';'
   * @return the rows by commune code
   * @throws IOException when the file cannot be read
   * @throws InputException without a commune column, on an empty or repeated code, or with no row
   */
  public static ResultTable read(Path file) throws IOException {
    try (CsvReader csv = CsvReader.open(file)) {
      return read(csv);
    }
  }

  /**
   * Reads a table held in memory, as {@link #read(Path)} reads a file.
   *
   * @param source the name to give in messages
   * @param text the CSV text
   * @return the rows by commune code
   * @throws IOException never in practice (the text is in memory)
   * @throws InputException as {@link #read(Path)}
   */
  public static ResultTable parse(String source, String text) throws IOException {
    return parse(
        source,
        text,
        "commune",
        "commune",
        "code_commune",
        "codgeo",
        "code_insee",
        "insee_com",
        "code");
  }

  /**
   * Reads a table held in memory keyed by another column than the commune (a territory).
   *
   * @param source the name to give in messages
   * @param text the CSV text
   * @param what what the key is, for messages ("territory")
   * @param keys the names the key column may have
   * @return the rows by key
   * @throws IOException never in practice (the text is in memory)
   * @throws InputException without the key column, or on an empty or repeated key
   */
  public static ResultTable parse(String source, String text, String what, String... keys)
      throws IOException {
    try (CsvReader csv = CsvReader.open(
        source,
        new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      return read(csv, what, keys);
    }
  }

  private static ResultTable read(CsvReader csv) throws IOException {
    return read(
        csv, "commune", "commune", "code_commune", "codgeo", "code_insee", "insee_com", "code");
  }

  private static ResultTable read(CsvReader csv, String what, String... keys) throws IOException {
    int code = csv.requireColumn(what, keys);
    SortedMap<String, List<String>> rows = new TreeMap<>();
    Map<String, Long> lines = new HashMap<>();
    List<String> f;
    while ((f = csv.next()) != null) {
      String c = f.get(code).trim();
      if (c.isEmpty()) {
        throw csv.error(what + " code is empty");
      }
      Long first = lines.putIfAbsent(c, csv.line());
      if (first != null) {
        throw csv.error(what + " " + c + " is given twice (first at line " + first + ")");
      }
      rows.put(c, List.copyOf(f));
    }
    if (rows.isEmpty()) {
      throw new InputException(csv.source(), 0, "no " + what + " below the header");
    }
    return new ResultTable(csv.source(), csv.header(), rows, lines);
  }

  /** {@return the file name as given} */
  public String source() {
    return source;
  }

  /** {@return the header, in file order; immutable} */
  public List<String> header() {
    return header;
  }

  /** {@return the commune codes, in order; immutable} */
  public java.util.Set<String> codes() {
    return rows.keySet();
  }

  /**
   * Returns the index of a column, ignoring case, or -1.
   *
   * @param name the column name
   * @return its index, or -1 when absent
   */
  public int column(String name) {
    for (int k = 0; k < header.size(); k++) {
      if (header.get(k).equalsIgnoreCase(name)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Returns a column as numbers: an empty cell is NaN (no value).
   *
   * @param name the column, compared ignoring case
   * @return the values by commune, in code order
   * @throws InputException when the column is absent (naming those there) or a cell is not a
   *     finite number (naming its line and value)
   */
  public SortedMap<String, Double> numbers(String name) {
    int k = require(name);
    SortedMap<String, Double> out = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : rows.entrySet()) {
      String text = k < e.getValue().size() ? e.getValue().get(k).trim() : "";
      double v = text.isEmpty() ? Double.NaN : parse(text);
      if (!text.isEmpty() && (Double.isNaN(v) || Double.isInfinite(v))) {
        throw new InputException(
            source,
            lines.get(e.getKey()),
            "column " + header.get(k) + " of commune " + e.getKey()
                + " is not a finite number, given: " + text);
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /**
   * Returns a column as text (trimmed; empty for none).
   *
   * @param name the column, compared ignoring case
   * @return the values by commune, in code order
   * @throws InputException when the column is absent
   */
  public SortedMap<String, String> text(String name) {
    int k = require(name);
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : rows.entrySet()) {
      out.put(e.getKey(), k < e.getValue().size() ? e.getValue().get(k).trim() : "");
    }
    return out;
  }

  /** Parses a decimal number, '.' or ',' as the decimal mark; NaN when it is none. */
  private static double parse(String text) {
    if (!text.matches("[-+]?[0-9]*[.,]?[0-9]+([eE][-+]?[0-9]+)?")) {
      return Double.NaN;
    }
    return Double.parseDouble(text.replace(',', '.'));
  }

  private int require(String name) {
    int k = column(name);
    if (k < 0) {
      throw new InputException(
          source, 1, "no column " + name + " (the columns: " + String.join(", ", header) + ")");
    }
    return k;
  }
}

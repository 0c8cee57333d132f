package fr.apl.io.csv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a small CSV file record by record: UTF-8 (with or without BOM), gzip or plain, separator
 * {@code ,} {@code ;} or tab found from the header, double-quoted fields, CRLF or LF line ends.
 * Blank lines are skipped. Used for population, supply and doctors files; the travel-time table
 * has its own byte-level reader ({@link TimesCsv}).
 *
 * <p>Not thread-safe. Close it (try-with-resources).
 */
public final class CsvReader implements Closeable {

  private final String source;
  private final BufferedReader in;
  private final char separator;
  private final List<String> header;
  private long lineNumber;
  private long recordLine;

  private CsvReader(String source, BufferedReader in) throws IOException {
    this.source = source;
    this.in = in;
    String first = readLine();
    while (first != null && first.isBlank()) {
      first = readLine();
    }
    if (first == null) {
      throw new InputException(source, 0, "the file is empty; expected a header line");
    }
    this.separator = detectSeparator(first);
    this.header = split(first);
    for (int k = 0; k < header.size(); k++) {
      header.set(k, header.get(k).trim());
    }
  }

  /** Opens a file. */
  public static CsvReader open(Path path) throws IOException {
    return open(CsvFiles.name(path), CsvFiles.open(path));
  }

  /** Reads a stream (gzip and BOM handled) named {@code source} in messages. */
  public static CsvReader open(String source, InputStream stream) throws IOException {
    InputStream s = CsvFiles.open(stream);
    InputStreamReader r = new InputStreamReader(s, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT));
    try {
      return new CsvReader(source, new BufferedReader(r, 1 << 16));
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** Returns the file name used in messages. */
  public String source() {
    return source;
  }

  /** Returns the separator found in the header. */
  public char separator() {
    return separator;
  }

  /** Returns the header fields, trimmed. */
  public List<String> header() {
    return List.copyOf(header);
  }

  /** Returns the 1-based line number of the last record returned by {@link #next()}. */
  public long line() {
    return recordLine;
  }

  /**
   * Returns the index of the first header field equal (ignoring case) to one of {@code names}, or
   * -1.
   */
  public int column(String... names) {
    for (String name : names) {
      for (int k = 0; k < header.size(); k++) {
        if (header.get(k).equalsIgnoreCase(name)) {
          return k;
        }
      }
    }
    return -1;
  }

  /**
   * Returns the index of a column that must be there.
   *
   * @throws InputException naming the expected and the found columns
   */
  public int requireColumn(String what, String... names) {
    int k = column(names);
    if (k < 0) {
      throw new InputException(source, 1, "no " + what + " column: expected one of "
          + String.join(", ", names) + "; header is: " + String.join(String.valueOf(separator),
              header));
    }
    return k;
  }

  /**
   * Returns the next record's fields, or null at the end of the file.
   *
   * @throws InputException on a record with another field count than the header, or an
   *     unterminated quote
   */
  public List<String> next() throws IOException {
    String line = readLine();
    while (line != null && line.isBlank()) {
      line = readLine();
    }
    if (line == null) {
      return null;
    }
    recordLine = lineNumber;
    StringBuilder joined = null;
    while (openQuote(joined == null ? line : joined)) {
      String more = readLine();
      if (more == null) {
        throw new InputException(source, recordLine, "a quoted field is not closed");
      }
      if (joined == null) {
        joined = new StringBuilder(line);
      }
      joined.append('\n').append(more);
    }
    List<String> fields = split(joined == null ? line : joined.toString());
    if (fields.size() != header.size()) {
      throw new InputException(source, recordLine, "expected " + header.size() + " fields as in"
          + " the header, found " + fields.size() + ": " + abbreviate(line));
    }
    return fields;
  }

  /** Reports a bad value of a record. */
  public InputException error(String problem) {
    return new InputException(source, recordLine, problem);
  }

  /**
   * Parses a field as a number.
   *
   * @param what the column's meaning, for the message
   * @throws InputException when the field is not a decimal number
   */
  public double number(List<String> fields, int column, String what) {
    String text = fields.get(column);
    double v = Numbers.parse(text);
    if (Double.isNaN(v)) {
      throw error(what + " must be a number, given: '" + text.trim() + "'");
    }
    return v;
  }

  private String readLine() throws IOException {
    try {
      String line = in.readLine();
      if (line != null) {
        lineNumber++;
      }
      return line;
    } catch (CharacterCodingException e) {
      throw new InputException(source, lineNumber + 1,
          "the file is not valid UTF-8 (save it as UTF-8)");
    }
  }

  private static boolean openQuote(CharSequence s) {
    boolean inQuotes = false;
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) == '"') {
        inQuotes = !inQuotes;
      }
    }
    return inQuotes;
  }

  /** Returns the separator of a header line: the most frequent of ';', tab and ',' outside quotes. */
  static char detectSeparator(String headerLine) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean inQuotes = false;
    for (int k = 0; k < headerLine.length(); k++) {
      char c = headerLine.charAt(k);
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (!inQuotes) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    if (tabs > commas && tabs > semicolons) {
      return '\t';
    }
    return ',';
  }

  private List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    for (int k = 0; k < line.length(); k++) {
      char c = line.charAt(k);
      if (inQuotes) {
        if (c == '"') {
          if (k + 1 < line.length() && line.charAt(k + 1) == '"') {
            field.append('"');
            k++;
          } else {
            inQuotes = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        inQuotes = true;
      } else if (c == separator) {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  private static String abbreviate(String line) {
    return line.length() <= 80 ? line : line.substring(0, 77) + "...";
  }

  /** Returns a lower-case copy for case-insensitive checks. */
  static String lower(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}

package fr.apl.io.csv;

import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a small CSV file record by record: UTF-8 (with or without BOM) or Windows-1252 (given, or
 * detected: see {@link InputEncoding#AUTO}), gzip or plain, separator
 * {@code ,} {@code ;} or tab found from the header, double-quoted fields, CRLF or LF line ends.
 * Blank lines are skipped. Used for population, supply and doctors files; the travel-time table
 * has its own byte-level reader ({@link TimesCsv}).
 *
 * <p>Not thread-safe. Close it (try-with-resources).
 */
public final class CsvReader implements Closeable {

  private final String source;
  private final Charset charset;
  private final BufferedReader in;
  private final char separator;
  private final List<String> header;
  private long lineNumber;
  private long recordLine;
  /** Where malformed rows are reported (and skipped), or null to throw at the first. */
  private Problems problems;

  private CsvReader(String source, Charset charset, BufferedReader in) throws IOException {
    this.source = source;
    this.charset = charset;
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

  /**
   * Opens a file, its encoding detected ({@link InputEncoding#AUTO}), as {@link #open(Path,
   * InputEncoding)} does.
   *
   * @param path the file, CSV plain or gzip, non-null
   * @return a reader positioned after the header, to be closed by the caller
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException when the file has no header line (empty, or blank lines only)
   */
  public static CsvReader open(Path path) throws IOException {
    return open(path, InputEncoding.AUTO);
  }

  /**
   * Opens a file in the given encoding, read once into memory (these are the small inputs);
   * {@link InputEncoding#AUTO} decides on its bytes (UTF-8 when they all decode, else
   * Windows-1252: see {@link #charset()}).
   *
   * @param path the file, CSV plain or gzip, non-null
   * @param encoding how its bytes are decoded, non-null
   * @return a reader positioned after the header, to be closed by the caller
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException when the file has no header line (empty, or blank lines only), its
   *     header does not decode in the given encoding (a later line that does not decode is
   *     thrown by {@link #next()}), a line is longer than {@link
   *     ReadOptions#DEFAULT_MAX_LINE_BYTES}, or its bytes are no text table (damaged gzip,
   *     UTF-16)
   */
  public static CsvReader open(Path path, InputEncoding encoding) throws IOException {
    byte[] bytes;
    try (InputStream in = CsvFiles.open(path)) {
      bytes = readBounded(in, ReadOptions.DEFAULT_MAX_LINE_BYTES);
    } catch (UnreadableInputException e) {
      throw e.toInputException(CsvFiles.name(path));
    }
    Charset charset = encoding.charset();
    if (charset == null) {
      charset =
          isUtf8(new ByteArrayInputStream(bytes)) ? StandardCharsets.UTF_8 : InputEncoding.CP1252;
    }
    return open(CsvFiles.name(path), new ByteArrayInputStream(bytes), charset);
  }

  /**
   * Reads a stream (gzip and BOM handled) named {@code source} in messages, its encoding detected:
   * the stream is read into memory first, so keep this for small inputs.
   *
   * @param source the name of the input in messages, e.g. {@code population.csv} or {@code -}
   * @param stream the input, CSV plain or gzip, non-null; read to its end and closed
   * @return a reader positioned after the header, to be closed by the caller
   * @throws IOException when the stream cannot be read
   * @throws InputException when the input has no header line (empty, or blank lines only), a line
   *     is longer than {@link ReadOptions#DEFAULT_MAX_LINE_BYTES}, or its bytes are no text table
   *     (damaged gzip, UTF-16)
   */
  public static CsvReader open(String source, InputStream stream) throws IOException {
    byte[] bytes;
    try (InputStream s = CsvFiles.open(stream)) {
      bytes = readBounded(s, ReadOptions.DEFAULT_MAX_LINE_BYTES);
    } catch (UnreadableInputException e) {
      throw e.toInputException(source);
    }
    Charset charset =
        isUtf8(new ByteArrayInputStream(bytes)) ? StandardCharsets.UTF_8 : InputEncoding.CP1252;
    return open(source, new ByteArrayInputStream(bytes), charset);
  }

  private static CsvReader open(String source, InputStream stream, Charset charset)
      throws IOException {
    InputStream s = CsvFiles.open(stream);
    InputStreamReader r = new InputStreamReader(
        s,
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
    try {
      return new CsvReader(source, charset, new BufferedReader(r, 1 << 16));
    } catch (IOException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /**
   * Opens a file for a reader that lists every problem: the file is read once (gunzipped, byte
   * order mark skipped) and decoded as {@link ReadOptions#encoding()} says, an encoding problem
   * reported; malformed rows are then reported and skipped by {@link #next()}.
   *
   * @return the reader, or null when the file is empty (reported)
   */
  static CsvReader open(Path path, ReadContext ctx) throws IOException {
    String file = CsvFiles.name(path);
    Problems out = ctx.problems();
    out.file(file);
    byte[] bytes;
    try (InputStream in = CsvFiles.open(path)) {
      bytes = readBounded(in, ctx.options().maxLineBytes());
    } catch (UnreadableInputException e) {
      e.report(ctx, file);
      return null;
    }
    InputEncoding enc = ctx.options().encoding();
    Charset charset = InputEncoding.CP1252;
    if (enc != InputEncoding.WINDOWS_1252) {
      boolean utf8 = isUtf8(new ByteArrayInputStream(bytes));
      if (!utf8 && enc == InputEncoding.AUTO) {
        out.add(
            Check.ENCODING_GUESSED,
            file,
            0,
            null,
            "the file is not UTF-8: read as" + " Windows-1252",
            "if accents look wrong, save it as UTF-8 or give the encoding");
      } else if (!utf8) {
        out.add(
            Check.ENCODING,
            file,
            0,
            null,
            "the file is not valid UTF-8",
            "save it as UTF-8, or give the encoding windows-1252 (or auto)");
      }
      charset = utf8 ? StandardCharsets.UTF_8 : InputEncoding.CP1252;
    }
    String text = new String(bytes, charset);
    try {
      CsvReader csv = new CsvReader(file, charset, new BufferedReader(new StringReader(text)));
      csv.problems = out;
      return csv;
    } catch (InputException e) {
      out.add(Check.EMPTY_FILE, file, 0, null, "the file is empty", "expected a header line");
      return null;
    }
  }

  /**
   * Reads a stream to its end, refusing a line longer than {@code maxLine} bytes and a file
   * larger than an array holds: memory is bounded by the file's real content, and a stream with no
   * line end ({@code /dev/zero}) stops at the bound.
   */
  static byte[] readBounded(InputStream in, int maxLine) throws IOException {
    byte[] buf = new byte[1 << 16];
    int size = 0;
    int lineStart = 0;
    long line = 1;
    while (true) {
      if (size == buf.length) {
        if (buf.length >= Integer.MAX_VALUE - 16) {
          throw new UnreadableInputException(
              Check.DAMAGED_FILE,
              0,
              "the file is larger than" + " 2 GiB",
              "split it, or give the population and supply per commune");
        }
        buf =
            java.util.Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16L, 2L * buf.length));
      }
      int n = in.read(buf, size, buf.length - size);
      if (n < 0) {
        return java.util.Arrays.copyOf(buf, size);
      }
      for (int k = size; k < size + n; k++) {
        if (buf[k] == '\n') {
          if (k - lineStart > maxLine) {
            throw tooLong(line, maxLine);
          }
          line++;
          lineStart = k + 1;
        }
      }
      size += n;
      if (size - lineStart > maxLine) {
        throw tooLong(line, maxLine);
      }
    }
  }

  /** Returns the problem of a line longer than the bound. */
  static UnreadableInputException tooLong(long line, int maxLine) {
    return new UnreadableInputException(
        Check.DAMAGED_FILE,
        line,
        "the line is longer than " + maxLine + " bytes (no line end: a binary file?)",
        "give a CSV text file, or a larger" + " bound for the longest line");
  }

  /** Returns true when the rest of the stream decodes as UTF-8; reads it to the end. */
  static boolean isUtf8(InputStream in) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    CharBuffer chars = CharBuffer.allocate(1 << 16);
    byte[] chunk = new byte[1 << 16];
    while (true) {
      int n = in.read(chunk, 0, bytes.remaining());
      boolean end = n < 0;
      if (!end) {
        bytes.put(chunk, 0, n);
      }
      bytes.flip();
      CoderResult r = decoder.decode(bytes, chars, end);
      if (r.isError()) {
        return false;
      }
      chars.clear();
      bytes.compact();
      if (end) {
        return !decoder.flush(chars).isError() && bytes.position() == 0;
      }
    }
  }

  /** {@return the charset the file is decoded with: UTF-8 or Windows-1252} */
  public Charset charset() {
    return charset;
  }

  /** {@return the file name used in messages, as given or taken from the path} */
  public String source() {
    return source;
  }

  /** {@return the separator found in the header: {@code ,}, {@code ;} or tab} */
  public char separator() {
    return separator;
  }

  /** {@return the header fields, trimmed, in file order; an immutable copy} */
  public List<String> header() {
    return List.copyOf(header);
  }

  /**
   * {@return the 1-based line number of the last record returned by {@link #next()} (its first
   * line, for a record with a quoted line break), or 0 before the first}
   */
  public long line() {
    return recordLine;
  }

  /**
   * Returns the index of the first header field equal (ignoring case) to one of {@code names}, or
   * -1.
   *
   * @param names the accepted names of the column, in order of preference, non-null
   * @return the 0-based index of the column of the first name found, or -1 when none is there
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
   * @param what the column's meaning, for the message (e.g. {@code commune})
   * @param names the accepted names of the column, in order of preference, compared ignoring case
   * @return the 0-based index of the column of the first name found
   * @throws InputException at line 1 when no name is there, naming the expected and the found
   *     columns
   */
  public int requireColumn(String what, String... names) {
    int k = column(names);
    if (k < 0) {
      throw new InputException(
          source,
          1,
          "no " + what + " column: expected one of "
              + String.join(", ", names) + "; header is: "
              + String.join(String.valueOf(separator), header));
    }
    return k;
  }

  /**
   * Returns the next record's fields, or null at the end of the file. Blank lines are skipped;
   * a quoted field may span lines.
   *
   * @return the fields as read (not trimmed; quotes removed), as many as the header's, or null at
   *     the end of the file
   * @throws IOException when the file cannot be read
   * @throws InputException on a record with another field count than the header, an unterminated
   *     quote, or a line that does not decode in the file's charset
   */
  public List<String> next() throws IOException {
    if (problems == null) {
      return nextRecord();
    }
    while (true) {
      try {
        return nextRecord();
      } catch (InputException e) {
        problems.add(
            Check.MALFORMED_ROW,
            source,
            e.line(),
            badRow,
            e.problem(),
            "fix or remove the row (quote fields that contain the separator)");
      }
    }
  }

  /** The text of the last malformed row, for its problem. */
  private String badRow;

  private List<String> nextRecord() throws IOException {
    String line = readLine();
    while (line != null && line.isBlank()) {
      line = readLine();
    }
    if (line == null) {
      return null;
    }
    recordLine = lineNumber;
    StringBuilder joined = null;
    while ((joined != null || line.indexOf('"') >= 0)
        && openQuote(joined == null ? line : joined)) {
      String more = readLine();
      if (more == null) {
        badRow = null;
        throw new InputException(source, recordLine, "a quoted field is not closed");
      }
      if (joined == null) {
        joined = new StringBuilder(line);
      }
      joined.append('\n').append(more);
    }
    List<String> fields = split(joined == null ? line : joined.toString());
    if (fields.size() != header.size()) {
      badRow = abbreviate(line);
      throw new InputException(
          source,
          recordLine,
          "expected " + header.size() + " fields as in" + " the header, found " + fields.size()
              + (problems == null ? ": " + badRow : ""));
    }
    return fields;
  }

  /**
   * Reports a bad value of a record: the exception is returned, for the caller to throw.
   *
   * @param problem what is wrong, with the value given
   * @return an exception naming the file and the line of the last record read
   */
  public InputException error(String problem) {
    return new InputException(source, recordLine, problem);
  }

  /**
   * Parses a field as a number.
   *
   * @param fields a record, as returned by {@link #next()}
   * @param column the 0-based index of the field
   * @param what the column's meaning, for the message
   * @return the number (decimal point or comma, exponent allowed); never NaN, but infinite when it
   *     overflows a double and of any sign: the caller checks the range
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
      throw new InputException(
          source,
          lineNumber + 1,
          "the file is not valid " + charset.name()
              + " (save it as UTF-8, or read it as Windows-1252)");
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
    if (line.indexOf('"') < 0) {
      // No quotes (nearly every line): cut at the separators, no per-character copy.
      int from = 0;
      int at;
      while ((at = line.indexOf(separator, from)) >= 0) {
        out.add(line.substring(from, at));
        from = at + 1;
      }
      out.add(line.substring(from));
      return out;
    }
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

package fr.apl.io.csv;

import fr.apl.matrix.DuplicatePairException;
import fr.apl.matrix.TravelTimeMatrix;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a travel-time table into a {@link TravelTimeMatrix}.
 *
 * <p>Two layouts are recognised from the header (names compared ignoring case):
 *
 * <ul>
 *   <li>{@code origin,destination,minutes} (also {@code origine}, {@code from}; {@code
 *       destination}, {@code to}; {@code minutes}, {@code temps}, {@code duree});
 *   <li>INSEE Metric {@code COM1,COM2,KM,HC,HP}: origin {@code COM1}, destination {@code COM2},
 *       off-peak minutes {@code HC} by default (choose {@code HP} with {@code timeColumn}).
 * </ul>
 *
 * <p>Separator {@code ,} {@code ;} or tab (from the header), decimal point or comma, UTF-8 with or
 * without BOM, CRLF or LF, gzip recognised by its magic bytes. Blank lines are skipped.
 *
 * <p>This is the hot path of a run (2.8 million rows for France), so it parses bytes directly:
 * no String per field, codes interned through a byte-keyed hash table, numbers parsed with an
 * exact fast path. Other CSV files go through {@link CsvReader}.
 */
public final class TimesCsv {

  private static final String[] ORIGIN = {"origin", "origine", "com1", "from"};
  private static final String[] DESTINATION = {"destination", "com2", "to"};
  private static final String[] MINUTES = {"minutes", "hc", "temps", "duree", "time"};

  private TimesCsv() {}

  /** Reads a file, off-peak minutes ({@code HC}) for the Metric layout. */
  public static TravelTimeMatrix read(Path path) throws IOException {
    return read(path, null);
  }

  /**
   * Reads a file.
   *
   * @param timeColumn name of the minutes column, or null to pick {@code minutes} / {@code HC}
   * @throws InputException on bad data, naming file, line and value
   * @throws IOException when the file cannot be read
   */
  public static TravelTimeMatrix read(Path path, String timeColumn) throws IOException {
    return read(path, timeColumn, ReadProgress.NONE);
  }

  /**
   * Reads a file, reporting progress in bytes of the file (every 8 MiB).
   *
   * @param timeColumn name of the minutes column, or null to pick {@code minutes} / {@code HC}
   * @param progress told how many bytes of the file were read
   */
  public static TravelTimeMatrix read(Path path, String timeColumn, ReadProgress progress)
      throws IOException {
    return read(path, null, null, timeColumn, progress);
  }

  /**
   * Reads a file whose origin and destination columns have other names: each name given is
   * looked for first, then the usual ones; null means the usual ones only.
   */
  public static TravelTimeMatrix read(Path path, String originColumn, String destinationColumn,
      String timeColumn) throws IOException {
    return read(path, originColumn, destinationColumn, timeColumn, ReadProgress.NONE);
  }

  /**
   * Reads a file with column names given (null: the usual ones), reporting progress in bytes of
   * the file (every 8 MiB). A gzip file is gunzipped on a background thread.
   */
  public static TravelTimeMatrix read(Path path, String originColumn, String destinationColumn,
      String timeColumn, ReadProgress progress) throws IOException {
    long size = Files.size(path);
    try (InputStream raw = new CountingStream(Files.newInputStream(path), size, progress);
        InputStream in = CsvFiles.open(new BufferedInputStream(raw, 1 << 16), true)) {
      Parser p = new Parser(CsvFiles.name(path), in, timeColumn);
      p.originNames = names(originColumn, ORIGIN);
      p.destinationNames = names(destinationColumn, DESTINATION);
      return p.parse();
    }
  }

  private static String[] names(String given, String[] usual) {
    if (given == null) {
      return usual;
    }
    String[] out = new String[usual.length + 1];
    out[0] = given;
    System.arraycopy(usual, 0, out, 1, usual.length);
    return out;
  }

  /**
   * Reads a stream (gzip and BOM are handled; gzip is inflated on a background thread) named
   * {@code source} in messages. The stream is not closed.
   */
  public static TravelTimeMatrix read(String source, InputStream stream, String timeColumn)
      throws IOException {
    return new Parser(source, CsvFiles.open(stream, true), timeColumn).parse();
  }

  /** Counts the bytes read from a file and reports them every 8 MiB, and at the end. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private final long size;
    private final ReadProgress progress;
    private long count;
    private long reported;

    CountingStream(InputStream in, long size, ReadProgress progress) {
      super(in);
      this.size = size;
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        advance(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        advance(n);
      }
      return n;
    }

    private void advance(int n) {
      count += n;
      if (count - reported >= (8 << 20) || count == size) {
        reported = count;
        progress.progress(count, size);
      }
    }
  }

  /** The byte-level parser of one file. */
  private static final class Parser {
    private final String source;
    private final String timeColumn;
    private String[] originNames = ORIGIN;
    private String[] destinationNames = DESTINATION;
    private final ByteLines lines;
    private byte[] buf;
    private int lineStart;
    private int lineEnd;
    private long line;

    private final CodeInterner codes = new CodeInterner();
    private int[] origin = new int[1 << 20];
    private int[] destination = new int[1 << 20];
    private double[] minutes = new double[1 << 20];
    private int count;
    /** Record index at each skipped blank line, to map records back to line numbers. */
    private int[] skippedAt = new int[16];
    private int skipped;

    Parser(String source, InputStream in, String timeColumn) {
      this.source = source;
      this.lines = new ByteLines(in);
      this.timeColumn = timeColumn;
    }

    TravelTimeMatrix parse() throws IOException {
      // Header.
      boolean more = nextLine();
      while (more && lineStart == lineEnd) {
        more = nextLine();
      }
      if (!more) {
        throw new InputException(source, 0, "the file is empty; expected a header such as"
            + " origin,destination,minutes or COM1,COM2,KM,HC,HP");
      }
      long headerLine = line;
      String headerText = new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
      byte sep = (byte) CsvReader.detectSeparator(headerText);
      List<String> header = splitHeader(headerText, (char) sep);
      int fields = header.size();
      int o = find(header, originNames);
      int d = find(header, destinationNames);
      int m = timeColumn == null ? find(header, MINUTES) : find(header, timeColumn);
      if (o < 0 || d < 0 || m < 0) {
        String missing = o < 0 ? "origin (origin or COM1)" : d < 0
            ? "destination (destination or COM2)"
            : timeColumn == null ? "minutes (minutes or HC)" : "'" + timeColumn + "'";
        throw new InputException(source, headerLine, "no " + missing + " column; header is: "
            + headerText.trim());
      }
      if (o == d || o == m || d == m) {
        throw new InputException(source, headerLine, "origin, destination and minutes must be"
            + " three different columns; header is: " + headerText.trim());
      }
      int last = Math.max(o, Math.max(d, m));
      int[] start = new int[fields];
      int[] end = new int[fields];
      // Records.
      while (nextLine()) {
        int from = lineStart;
        int to = lineEnd;
        if (from == to || isBlank(from, to)) {
          if (skipped == skippedAt.length) {
            skippedAt = Arrays.copyOf(skippedAt, skipped * 2);
          }
          skippedAt[skipped++] = count;
          continue;
        }
        int found = ByteFields.split(buf, from, to, sep, start, end);
        if (found != fields) {
          throw new InputException(source, line, "expected " + fields + " fields as in the header,"
              + " found " + found + ": " + ByteFields.text(buf, from, to));
        }
        int oi = intern(start[o], end[o], "origin");
        int di = intern(start[d], end[d], "destination");
        double t = Numbers.parse(buf, start[m], end[m]);
        if (Double.isNaN(t)) {
          throw new InputException(source, line, "travel time must be a number, given: '"
              + ByteFields.text(buf, start[m], end[m]).trim() + "' (" + codes.code(oi) + " -> "
              + codes.code(di) + ")");
        }
        if (!(t >= 0) || Double.isInfinite(t)) {
          throw new InputException(source, line, "travel time must be finite and >= 0, given: "
              + ByteFields.text(buf, start[m], end[m]).trim() + " (" + codes.code(oi) + " -> "
              + codes.code(di) + ")");
        }
        add(oi, di, t);
      }
      if (count == 0) {
        throw new InputException(source, 0, "no travel time below the header");
      }
      try {
        return TravelTimeMatrix.fromIndexedPairs(codes.codes(), origin, destination, minutes,
            count);
      } catch (DuplicatePairException e) {
        throw new InputException(source, lineOf(e.secondRecord(), headerLine),
            e.getMessage() + " (first at line " + lineOf(e.firstRecord(), headerLine) + ")");
      }
    }

    private long lineOf(long record, long headerLine) {
      long blanksBefore = 0;
      for (int k = 0; k < skipped; k++) {
        if (skippedAt[k] <= record) {
          blanksBefore++;
        }
      }
      return headerLine + 1 + record + blanksBefore;
    }

    private boolean isBlank(int from, int to) {
      for (int k = from; k < to; k++) {
        if (buf[k] != ' ' && buf[k] != '\t') {
          return false;
        }
      }
      return true;
    }

    private int intern(int from, int to, String what) {
      while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
        from++;
      }
      while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
        to--;
      }
      if (from == to) {
        throw new InputException(source, line, what + " commune code is empty");
      }
      return codes.intern(buf, from, to);
    }

    private void add(int o, int d, double t) {
      if (count == origin.length) {
        int size = count * 2;
        origin = Arrays.copyOf(origin, size);
        destination = Arrays.copyOf(destination, size);
        minutes = Arrays.copyOf(minutes, size);
      }
      origin[count] = o;
      destination[count] = d;
      minutes[count] = t;
      count++;
    }

    /** Moves to the next line, setting buf, lineStart, lineEnd and line; false at the end. */
    private boolean nextLine() throws IOException {
      if (!lines.next()) {
        return false;
      }
      buf = lines.buffer();
      lineStart = lines.start();
      lineEnd = lines.end();
      line = lines.line();
      return true;
    }
  }

  private static List<String> splitHeader(String header, char sep) {
    List<String> out = new ArrayList<>();
    for (String f : header.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1)) {
      String t = f.trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1).trim();
      }
      out.add(t.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static int find(List<String> header, String... names) {
    for (String name : names) {
      int k = header.indexOf(name.toLowerCase(Locale.ROOT));
      if (k >= 0) {
        return k;
      }
    }
    return -1;
  }
}

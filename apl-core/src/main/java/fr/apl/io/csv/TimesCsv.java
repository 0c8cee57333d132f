package fr.apl.io.csv;

import fr.apl.internal.Parallel;
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

  /** Bytes of records a block holds, about 230 000 France rows: 12 blocks for France. */
  static final int BLOCK = 4 << 20;

  /** Threads that parse blocks by default: the machine's processors. */
  private static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

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
    return read(path, originColumn, destinationColumn, timeColumn, progress, defaultThreads());
  }

  /**
   * Reads a file with column names given (null: the usual ones), reporting progress, and parsing
   * on {@code threads} threads (the matrix does not depend on it); a gzip file is inflated on one
   * of them and parsed on the others (on one at least).
   *
   * @param threads threads that read, &gt;= 1
   */
  public static TravelTimeMatrix read(Path path, String originColumn, String destinationColumn,
      String timeColumn, ReadProgress progress, int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    long size = Files.size(path);
    try (InputStream raw = new CountingStream(Files.newInputStream(path), size, progress);
        InputStream in = CsvFiles.open(new BufferedInputStream(raw, 1 << 16), true)) {
      Parser p = new Parser(CsvFiles.name(path), in, timeColumn, parsers(in, threads), BLOCK);
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

  /**
   * Reads a stream as {@link #read(String, InputStream, String)} does, parsing on {@code threads}
   * threads (the matrix does not depend on it); gzip is inflated on one of them and parsed on the
   * others (on one at least).
   *
   * @param threads threads that read, &gt;= 1
   */
  public static TravelTimeMatrix read(String source, InputStream stream, String timeColumn,
      int threads) throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, given: " + threads);
    }
    return read(source, stream, timeColumn, threads, BLOCK);
  }

  /**
   * Reads a stream with a given block size and thread count: for tests, which check that the
   * result and the first error do not depend on them.
   */
  static TravelTimeMatrix read(String source, InputStream stream, String timeColumn, int threads,
      int block) throws IOException {
    InputStream in = CsvFiles.open(stream, true);
    return new Parser(source, in, timeColumn, parsers(in, threads), block).parse();
  }

  /**
   * Returns how many threads parse: all of them, but one when gunzip runs on a thread of its own
   * (at least one). On 2 cores, two parse threads beside gunzip were slower (JMH, France: 182
   * against 162 ms; end to end, 0.95 against 0.89 s).
   */
  private static int parsers(InputStream in, int threads) {
    return CsvFiles.inflating(in) ? Math.max(1, threads - 1) : threads;
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

  /**
   * The byte-level parser of one file. The header is read line by line; the records are then cut
   * into blocks of whole lines ({@link #BLOCK} bytes or so) parsed on {@link #threads} threads,
   * each block with its own code table, and put back together in file order: the matrix, the
   * repeated pairs and the first error (by line) are those of a one-thread read.
   */
  private static final class Parser {
    private final String source;
    private final String timeColumn;
    private final InputStream in;
    private final int threads;
    private final int block;
    private String[] originNames = ORIGIN;
    private String[] destinationNames = DESTINATION;

    Parser(String source, InputStream in, String timeColumn) {
      this(source, in, timeColumn, defaultThreads(), BLOCK);
    }

    Parser(String source, InputStream in, String timeColumn, int threads, int block) {
      this.source = source;
      this.in = in;
      this.timeColumn = timeColumn;
      this.threads = threads;
      this.block = block;
    }

    TravelTimeMatrix parse() throws IOException {
      // Header.
      ByteLines lines = new ByteLines(in);
      boolean more = lines.next();
      while (more && lines.start() == lines.end()) {
        more = lines.next();
      }
      if (!more) {
        throw new InputException(source, 0, "the file is empty; expected a header such as"
            + " origin,destination,minutes or COM1,COM2,KM,HC,HP");
      }
      long headerLine = lines.line();
      String headerText = new String(lines.buffer(), lines.start(), lines.end() - lines.start(),
          StandardCharsets.UTF_8);
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
      Layout layout = new Layout(sep, fields, o, d, m);
      // Records, by blocks of whole lines.
      List<Block> blocks = new ArrayList<>();
      List<java.util.concurrent.Future<?>> running = new ArrayList<>();
      // Block buffers go back here once parsed, to be filled again: fewer fresh pages to touch.
      java.util.concurrent.ConcurrentLinkedQueue<byte[]> free =
          new java.util.concurrent.ConcurrentLinkedQueue<>();
      byte[] carry = Arrays.copyOfRange(lines.buffer(), lines.position(), lines.limit());
      boolean end = lines.atEnd();
      try {
        while (carry.length > 0 || !end) {
          byte[] buf = free.poll();
          if (buf == null || buf.length < Math.max(block, carry.length * 2)) {
            buf = new byte[Math.max(block, carry.length * 2)];
          }
          System.arraycopy(carry, 0, buf, 0, carry.length);
          int length = carry.length;
          while (!end && length < buf.length) {
            // Reads of at most 64 KiB: a bigger one makes FileInputStream allocate (and the
            // kernel map) a native buffer of that size each time.
            int r = in.read(buf, length, Math.min(1 << 16, buf.length - length));
            if (r < 0) {
              end = true;
            } else {
              length += r;
            }
          }
          int cut = length;
          if (!end) {
            cut = lastNewline(buf, length) + 1;
            if (cut == 0) {
              // A line longer than the block: read on with a bigger buffer.
              carry = Arrays.copyOf(buf, length);
              continue;
            }
          }
          carry = Arrays.copyOfRange(buf, cut, length);
          Block b = new Block(buf, cut, layout, free);
          blocks.add(b);
          if (threads <= 1) {
            b.parse();
          } else {
            // At most threads + 1 blocks in flight: the oldest is waited for first, which bounds
            // the byte buffers in use (a parsed block keeps only its records).
            if (running.size() >= threads + 1) {
              Parallel.await(running.remove(0), "parsing travel times");
            }
            running.add(Parallel.submit(b::parse));
          }
          if (end && carry.length == 0) {
            break;
          }
        }
      } finally {
        for (java.util.concurrent.Future<?> f : running) {
          Parallel.await(f, "parsing travel times");
        }
      }
      return merge(blocks, headerLine);
    }

    /** Puts the blocks back together in file order and builds the matrix. */
    private TravelTimeMatrix merge(List<Block> blocks, long headerLine) {
      long linesBefore = headerLine;
      long count = 0;
      int blanks = 0;
      for (Block b : blocks) {
        if (b.errorMessage != null) {
          throw new InputException(source, linesBefore + b.errorLine, b.errorMessage);
        }
        linesBefore += b.lines;
        count += b.count;
        blanks += b.blanks;
      }
      if (count == 0) {
        throw new InputException(source, 0, "no travel time below the header");
      }
      if (count > Integer.MAX_VALUE - 8) {
        throw new InputException(source, 0, "more than " + (Integer.MAX_VALUE - 8)
            + " travel times: too many for one matrix");
      }
      List<TravelTimeMatrix.IndexedPairs> parts = new ArrayList<>(blocks.size());
      int[] skippedAt = new int[blanks];
      int at = 0;
      int blank = 0;
      for (Block b : blocks) {
        parts.add(new TravelTimeMatrix.IndexedPairs(b.codes.codes(), b.origin, b.destination,
            b.minutes, b.count));
        for (int k = 0; k < b.blanks; k++) {
          skippedAt[blank++] = at + b.blankAt[k];
        }
        at += b.count;
      }
      try {
        return TravelTimeMatrix.fromIndexedPairs(parts, threads);
      } catch (DuplicatePairException e) {
        throw new InputException(source, lineOf(e.secondRecord(), headerLine, skippedAt),
            e.getMessage() + " (first at line " + lineOf(e.firstRecord(), headerLine, skippedAt)
                + ")");
      }
    }

    private static long lineOf(long record, long headerLine, int[] skippedAt) {
      long blanksBefore = 0;
      for (int k : skippedAt) {
        if (k <= record) {
          blanksBefore++;
        }
      }
      return headerLine + 1 + record + blanksBefore;
    }

    private static int lastNewline(byte[] buf, int length) {
      for (int k = length - 1; k >= 0; k--) {
        if (buf[k] == '\n') {
          return k;
        }
      }
      return -1;
    }

    /** Where the fields are: separator, field count and the three columns. */
    private record Layout(byte sep, int fields, int origin, int destination, int minutes) {}

    /**
     * Whole lines of the file, parsed into records with block-local commune indices. The first
     * problem stops the block and is kept with its line within the block; the merge numbers it.
     */
    private static final class Block {
      private byte[] buf;
      private final int length;
      private final Layout layout;
      private final java.util.Queue<byte[]> free;
      final CodeInterner codes = new CodeInterner();
      int[] origin;
      int[] destination;
      double[] minutes;
      int count;
      /** Lines in the block, blank ones included. */
      long lines;
      /** Block-local record index at each blank line, to map records back to line numbers. */
      int[] blankAt = new int[4];
      int blanks;
      String errorMessage;
      long errorLine;

      Block(byte[] buf, int length, Layout layout, java.util.Queue<byte[]> free) {
        this.buf = buf;
        this.length = length;
        this.layout = layout;
        this.free = free;
        // France rows take 15 to 18 bytes: one growth at most for most tables.
        int guess = length / 15 + 16;
        origin = new int[guess];
        destination = new int[guess];
        minutes = new double[guess];
      }

      void parse() {
        try {
          parseLines();
        } catch (InputException e) {
          errorMessage = e.problem();
          errorLine = lines;
        }
        free.add(buf);
        buf = null;
      }

      private void parseLines() {
        byte[] b = buf;
        int fields = layout.fields();
        int o = layout.origin();
        int d = layout.destination();
        int m = layout.minutes();
        byte sep = layout.sep();
        int[] start = new int[fields];
        int[] end = new int[fields];
        int pos = 0;
        while (pos < length) {
          int nl = pos;
          while (nl < length && b[nl] != '\n') {
            nl++;
          }
          int from = pos;
          int to = nl > pos && b[nl - 1] == '\r' ? nl - 1 : nl;
          pos = nl + 1;
          lines++;
          if (isBlank(b, from, to)) {
            if (blanks == blankAt.length) {
              blankAt = Arrays.copyOf(blankAt, blanks * 2);
            }
            blankAt[blanks++] = count;
            continue;
          }
          int found = ByteFields.split(b, from, to, sep, start, end);
          if (found != fields) {
            throw problem("expected " + fields + " fields as in the header, found " + found + ": "
                + ByteFields.text(b, from, to));
          }
          int oi = intern(b, start[o], end[o], "origin");
          int di = intern(b, start[d], end[d], "destination");
          double t = Numbers.parse(b, start[m], end[m]);
          if (Double.isNaN(t)) {
            throw problem("travel time must be a number, given: '"
                + ByteFields.text(b, start[m], end[m]).trim() + "' (" + codes.code(oi) + " -> "
                + codes.code(di) + ")");
          }
          if (!(t >= 0) || Double.isInfinite(t)) {
            throw problem("travel time must be finite and >= 0, given: "
                + ByteFields.text(b, start[m], end[m]).trim() + " (" + codes.code(oi) + " -> "
                + codes.code(di) + ")");
          }
          add(oi, di, t);
        }
      }

      private static InputException problem(String message) {
        return new InputException("", 0, message);
      }

      private static boolean isBlank(byte[] b, int from, int to) {
        for (int k = from; k < to; k++) {
          if (b[k] != ' ' && b[k] != '\t') {
            return false;
          }
        }
        return true;
      }

      private int intern(byte[] b, int from, int to, String what) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
          from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
          to--;
        }
        if (from == to) {
          throw problem(what + " commune code is empty");
        }
        return codes.intern(b, from, to);
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

package fr.apl.io.csv;

import fr.apl.internal.Parallel;
import fr.apl.matrix.DuplicatePairException;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

  /** Bytes of records a block holds, about 230 000 France rows: 12 blocks for France. */
  static final int BLOCK = 4 << 20;

  /** A day: a commune-to-commune road time beyond this is a unit or data mistake. */
  static final double MAX_MINUTES = 24 * 60;

  private TimesCsv() {}

  /**
   * Reads a file, off-peak minutes ({@code HC}) for the Metric layout; the first error is thrown
   * (with the others).
   *
   * @param path the travel-time table, CSV plain or gzip, non-null
   * @return the matrix, times in minutes, communes in code order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static TravelTimeMatrix read(Path path) throws IOException {
    return read(path, null);
  }

  /**
   * Reads a file, the first error thrown (with the others).
   *
   * @param path the travel-time table, CSV plain or gzip, non-null
   * @param timeColumn name of the minutes column, or null to pick {@code minutes} / {@code HC}
   * @return the matrix, times in minutes, communes in code order
   * @throws InputException on bad data, naming file, line and value
   * @throws IOException when the file cannot be read
   */
  public static TravelTimeMatrix read(Path path, String timeColumn) throws IOException {
    return read(path, timeColumn, ReadProgress.NONE);
  }

  /**
   * Reads a file, reporting progress in bytes of the file (every 8 MiB); the first error thrown
   * (with the others).
   *
   * @param path the travel-time table, CSV plain or gzip, non-null
   * @param timeColumn name of the minutes column, or null to pick {@code minutes} / {@code HC}
   * @param progress told how many bytes of the file were read, non-null ({@link ReadProgress#NONE}
   *     to ignore it)
   * @return the matrix, times in minutes, communes in code order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static TravelTimeMatrix read(Path path, String timeColumn, ReadProgress progress)
      throws IOException {
    return ReadContext.failFast(
        withMinutes(ReadOptions.defaults(), timeColumn), ctx -> read(path, ctx, progress));
  }

  /**
   * Reads a file once, reporting every problem to the context's collector, on the context's
   * threads (a gzip file is inflated on one of them): the columns (origin, destination and
   * minutes, each once; a minutes column named in the options is the only one looked for), rows
   * with the header's field count, codes (INSEE format when required, not empty), times (numbers,
   * finite, &gt;= 0, at most a day), a pair given twice with different times; a pair repeated
   * with the same time and communes with no pair to themselves are warnings.
   *
   * @param path the travel-time table, CSV plain or gzip, non-null
   * @param ctx read options (the minutes column among them), code rules, threads and the
   *     collector of problems, non-null
   * @param progress told how many bytes of the file were read (every 8 MiB, and at the end),
   *     non-null ({@link ReadProgress#NONE} to ignore it)
   * @return the matrix of the rows without error (the collector says whether there was one), or
   *     null when none can be built (empty, a column missing, a pair given twice)
   * @throws IOException when the file cannot be read
   */
  public static TravelTimeMatrix read(Path path, ReadContext ctx, ReadProgress progress)
      throws IOException {
    long size = Files.isRegularFile(path) ? Files.size(path) : -1;
    try (InputStream raw = new CountingStream(CsvFiles.raw(path), size, progress);
        InputStream in = CsvFiles.open(new BufferedInputStream(raw, 1 << 16), true)) {
      return new Parser(CsvFiles.name(path), in, ctx, BLOCK).parse();
    } catch (UnreadableInputException e) {
      ctx.problems().file(CsvFiles.name(path));
      e.report(ctx, CsvFiles.name(path));
      return null;
    }
  }

  /**
   * Reads a stream named {@code source} in messages (gzip and BOM handled; gzip inflated on one of
   * the context's threads), as {@link #read(Path, ReadContext, ReadProgress)} does. The stream is
   * not closed.
   *
   * @param source the name of the input in messages, e.g. {@code times.csv} or {@code -}
   * @param stream the input, CSV plain or gzip, non-null; read to its end, not closed
   * @param ctx read options (the minutes column among them), code rules, threads and the
   *     collector of problems, non-null
   * @return the matrix of the rows without error (the collector says whether there was one), or
   *     null when none can be built (empty, a column missing, a pair given twice)
   * @throws IOException when the stream cannot be read
   */
  public static TravelTimeMatrix read(String source, InputStream stream, ReadContext ctx)
      throws IOException {
    InputStream in;
    try {
      in = CsvFiles.open(stream, true);
    } catch (UnreadableInputException e) {
      ctx.problems().file(source);
      e.report(ctx, source);
      return null;
    }
    return new Parser(source, in, ctx, BLOCK).parse();
  }

  /**
   * Reads a stream (gzip and BOM are handled) named {@code source} in messages; the first error
   * thrown (with the others). The stream is not closed.
   *
   * @param source the name of the input in messages, e.g. {@code times.csv} or {@code -}
   * @param stream the input, CSV plain or gzip, non-null; read to its end, not closed
   * @param timeColumn name of the minutes column, or null to pick {@code minutes} / {@code HC}
   * @return the matrix, times in minutes, communes in code order
   * @throws IOException when the stream cannot be read
   * @throws InputException on bad data, naming the source, line and value
   */
  public static TravelTimeMatrix read(String source, InputStream stream, String timeColumn)
      throws IOException {
    return ReadContext.failFast(
        withMinutes(ReadOptions.defaults(), timeColumn), ctx -> read(source, stream, ctx));
  }

  /**
   * Reads a stream with a given block size and thread count, the first error thrown: for tests,
   * which check that the result and the problems do not depend on them.
   */
  static TravelTimeMatrix read(
      String source, InputStream stream, String timeColumn, int threads, int block)
      throws IOException {
    ReadContext ctx =
        ReadContext.of(withMinutes(ReadOptions.defaults(), timeColumn)).withThreads(threads);
    TravelTimeMatrix m = new Parser(source, CsvFiles.open(stream, true), ctx, block).parse();
    ctx.throwIfErrors();
    return m;
  }

  /** Returns the options with the minutes column named, when one is given. */
  private static ReadOptions withMinutes(ReadOptions options, String timeColumn) {
    return timeColumn == null
        ? options
        : options.withColumns(options.columns().with(ColumnMapping.MINUTES, timeColumn));
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
   * into blocks of whole lines ({@link #BLOCK} bytes or so) parsed on the context's threads,
   * each block with its own code table and its own problems, and put back together in file
   * order: the matrix and the problems (with their lines) are those of a one-thread read.
   */
  private static final class Parser {
    private final String source;
    private final InputStream in;
    private final ReadContext ctx;
    private final Problems out;
    private final int threads;
    private final int block;

    Parser(String source, InputStream in, ReadContext ctx, int block) {
      this.source = source;
      this.in = in;
      this.ctx = ctx;
      this.out = ctx.problems();
      this.threads = parsers(in, ctx.threads());
      this.block = block;
    }

    /** The number of blocks read before a line too long, or -1. */
    private int tooLongAfter = -1;

    TravelTimeMatrix parse() throws IOException {
      out.file(source);
      try {
        return parseBlocks();
      } catch (UnreadableInputException e) {
        e.report(ctx, source);
        return null;
      }
    }

    private TravelTimeMatrix parseBlocks() throws IOException {
      // Header.
      int maxLine = ctx.options().maxLineBytes();
      ByteLines lines = new ByteLines(in, maxLine);
      boolean more = lines.next();
      while (more && isBlank(lines.buffer(), lines.start(), lines.end())) {
        more = lines.next();
      }
      if (!more) {
        out.add(
            Check.EMPTY_FILE,
            source,
            0,
            null,
            "the file is empty",
            "expected a header such as origin,destination,minutes or COM1,COM2,KM,HC,HP");
        return null;
      }
      long headerLine = lines.line();
      String headerText = new String(
          lines.buffer(), lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
      byte sep = (byte) CsvReader.detectSeparator(headerText);
      List<String> header = splitHeader(headerText, (char) sep);
      Layout layout = layout(header, sep, headerLine);
      if (layout == null) {
        return null;
      }
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
          // Twice the carried part of a long line, up to the bound: no int overflows.
          int want =
              (int) Math.min(Math.max((long) block, 2L * carry.length), (long) maxLine + block);
          if (buf == null || buf.length < want) {
            buf = new byte[want];
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
              if (length > maxLine) {
                // No line end within the bound (a binary file, /dev/zero): the line is numbered
                // once the blocks before it are.
                tooLongAfter = blocks.size();
                break;
              }
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
      if (tooLongAfter >= 0) {
        long line = headerLine;
        for (Block b : blocks) {
          line += b.lines;
        }
        out.add(
            Check.DAMAGED_FILE,
            source,
            line + 1,
            null,
            "the line is longer than " + maxLine + " bytes (no line end: a binary file?)",
            "give a CSV text file, or a larger bound" + " for the longest line");
        return null;
      }
      return merge(blocks, headerLine);
    }

    /**
     * Finds the three columns, reporting a missing one, one given twice or one used for two
     * roles; returns null when the table cannot be read.
     */
    private Layout layout(List<String> header, byte sep, long headerLine) {
      ColumnMapping names = ctx.options().columns();
      String minutesName = names.get(ColumnMapping.MINUTES);
      HeaderColumns columns = new HeaderColumns(out, source, headerLine, header, names);
      int o = columns.require("origin", ColumnMapping.ORIGIN);
      int d = columns.require("destination", ColumnMapping.DESTINATION);
      int m;
      if (minutesName == null) {
        m = columns.require("minutes", ColumnMapping.MINUTES);
      } else {
        m = columns.role("minutes", Rules.find(header, minutesName));
      }
      if (minutesName != null && m < 0) {
        out.add(
            Check.MISSING_COLUMN,
            source,
            headerLine,
            String.join(",", header),
            "no '" + minutesName + "' column (the time column)",
            "check the header or the time column");
        columns.fail();
      }
      return columns.ok() ? new Layout(sep, header.size(), o, d, m) : null;
    }

    /**
     * Puts the blocks back together in file order: their problems, with file line numbers, then
     * the matrix, then what only the whole table shows (codes, pairs given twice, self pairs).
     */
    private TravelTimeMatrix merge(List<Block> blocks, long headerLine) {
      long count = 0;
      long firstLine = headerLine;
      for (Block b : blocks) {
        b.firstLine = firstLine;
        firstLine += b.lines;
        count += b.count;
        for (Block.Found p : b.found) {
          out.add(p.check(), source, b.firstLine + p.line(), p.value(), p.message(), p.hint());
        }
        for (int c = 0; c < b.unlisted.length; c++) {
          out.addUnlisted(CHECKS[c], source, b.unlisted[c]);
        }
      }
      if (count == 0) {
        if (!out.hasErrors()) {
          Rules.headerOnly(out, source, "no travel time below the header");
        }
        return null;
      }
      if (count > Integer.MAX_VALUE - 8) {
        out.add(
            Check.MALFORMED_ROW,
            source,
            0,
            null,
            "more than " + (Integer.MAX_VALUE - 8) + " travel times: too many for one matrix",
            "split the table, or keep fewer pairs");
        return null;
      }
      List<TravelTimeMatrix.IndexedPairs> parts = new ArrayList<>(blocks.size());
      for (Block b : blocks) {
        parts.add(new TravelTimeMatrix.IndexedPairs(
            b.codes.codes(), b.origin, b.destination, b.minutes, b.count));
      }
      TravelTimeMatrix matrix;
      boolean conflict = false;
      try {
        matrix = TravelTimeMatrix.fromIndexedPairs(parts, ctx.threads());
      } catch (DuplicatePairException e) {
        matrix = null;
        conflict = true;
      }
      String[] codes = matrix != null ? matrix.codes() : allCodes(blocks);
      reportCodes(blocks, codes);
      long[] repeats = {0, Long.MAX_VALUE};
      for (Block b : blocks) {
        if (b.repeats > 0) {
          repeats[0] += b.repeats;
          repeats[1] = Math.min(repeats[1], b.firstLine + b.firstRepeat);
        }
      }
      if (conflict || matrix.duplicatePairs() > 0) {
        new PairsTwice(blocks, codes).report(repeats);
      }
      if (repeats[0] > 0) {
        out.add(
            Check.REPEATED_PAIR,
            source,
            repeats[1],
            null,
            repeats[0] + " rows repeat a pair" + " with the same time (kept once)",
            null);
      }
      if (matrix != null) {
        matrix = matrix.withRepeatedPairs(repeats[0] - matrix.duplicatePairs());
        selfPairs(matrix);
      }
      return matrix;
    }

    /** Returns the codes of every block, sorted, each once. */
    private static String[] allCodes(List<Block> blocks) {
      java.util.TreeSet<String> all = new java.util.TreeSet<>();
      for (Block b : blocks) {
        all.addAll(Arrays.asList(b.codes.codes()));
      }
      return all.toArray(new String[0]);
    }

    /**
     * Reports the codes that are not INSEE codes (when they are required), each once, at its
     * first line, with the number of rows it is on. One test per distinct code (35 000 for
     * France); the rows are walked again only when a code is bad.
     */
    private void reportCodes(List<Block> blocks, String[] codes) {
      if (!ctx.inseeCodes()) {
        return;
      }
      java.util.Map<String, long[]> bad = new java.util.HashMap<>();
      for (String c : codes) {
        if (ctx.isInvalidCode(c)) {
          bad.put(c, new long[] {Long.MAX_VALUE, 0});
        }
      }
      if (bad.isEmpty()) {
        return;
      }
      for (Block b : blocks) {
        String[] local = b.codes.codes();
        long[][] byLocal = new long[local.length][];
        for (int k = 0; k < local.length; k++) {
          byLocal[k] = bad.get(local[k]);
        }
        b.eachRecord((r, line) -> {
          long[] o = byLocal[b.origin[r]];
          long[] d = byLocal[b.destination[r]];
          if (o != null) {
            o[0] = Math.min(o[0], line);
            o[1]++;
          }
          if (d != null && d != o) {
            d[0] = Math.min(d[0], line);
            d[1]++;
          }
        });
      }
      for (String c : codes) {
        long[] at = bad.get(c);
        if (at != null) {
          Rules.reportCode(out, source, at[0], c, at[1] > 1 ? " (on " + at[1] + " rows)" : "");
        }
      }
    }

    /**
     * Reports communes with no pair to themselves (0 minutes is assumed), after the code history:
     * an old code without a self pair is fine when its current code has one.
     */
    private void selfPairs(TravelTimeMatrix matrix) {
      String[] codes = matrix.codes();
      fr.apl.commune.CodeHistory history = ctx.history();
      java.util.TreeSet<String> missing = new java.util.TreeSet<>();
      if (history.isEmpty()) {
        // No code history (the usual case): each commune stands for itself, no lookup.
        for (int i = 0; i < codes.length; i++) {
          if (!matrix.hasSelfPair(i) && !ctx.isInvalidCode(codes[i])) {
            missing.add(codes[i]);
          }
        }
      } else {
        java.util.Set<String> withSelf = new java.util.HashSet<>();
        for (int i = 0; i < codes.length; i++) {
          if (matrix.hasSelfPair(i)) {
            withSelf.add(history.current(codes[i]));
          }
        }
        for (int i = 0; i < codes.length; i++) {
          String c = history.current(codes[i]);
          if (!withSelf.contains(c) && !ctx.isInvalidCode(codes[i])) {
            missing.add(c);
          }
        }
      }
      if (!missing.isEmpty()) {
        out.add(
            Check.MISSING_SELF_PAIRS,
            source,
            0,
            Problems.firstCodes(new ArrayList<>(missing)),
            (missing.size() == 1 ? "1 commune has" : missing.size() + " communes have")
                + " no pair to itself",
            "0 minutes is assumed (people and doctors at the town hall)");
      }
    }

    /**
     * Lists the pairs given twice, on the rows of all blocks: two stable counting sorts (by
     * destination, then by origin) put the records of one pair next to each other in file
     * order, in O(records + communes); the first record of a pair is the reference. Run only
     * when the matrix found a pair twice: 20 bytes a record for that while.
     */
    private final class PairsTwice {
      private final int[] origin;
      private final int[] destination;
      private final double[] minutes;
      private final long[] line;
      private final String[] codes;
      private final int count;

      PairsTwice(List<Block> blocks, String[] codes) {
        this.codes = codes;
        int n = 0;
        for (Block b : blocks) {
          n += b.count;
        }
        count = n;
        origin = new int[n];
        destination = new int[n];
        minutes = new double[n];
        line = new long[n];
        int[] at = {0};
        for (Block b : blocks) {
          String[] local = b.codes.codes();
          int[] global = new int[local.length];
          for (int k = 0; k < local.length; k++) {
            global[k] = Arrays.binarySearch(codes, local[k]);
          }
          b.eachRecord((r, l) -> {
            int q = at[0]++;
            origin[q] = global[b.origin[r]];
            destination[q] = global[b.destination[r]];
            minutes[q] = b.minutes[r];
            line[q] = l;
          });
        }
      }

      /**
       * Reports the pairs given twice with different times, and adds the rows that repeat a pair
       * with the same time to {@code repeats} (count, first line).
       */
      void report(long[] repeats) {
        int n = codes.length;
        int[] order = countingOrder(origin, n, countingOrder(destination, n, null));
        long repeated = 0;
        long firstRepeatLine = 0;
        int first = -1;
        for (int k = 0; k < count; k++) {
          int r = order[k];
          if (first >= 0 && origin[r] == origin[first] && destination[r] == destination[first]) {
            if (minutes[r] != minutes[first]) {
              out.add(
                  Check.DUPLICATE_PAIR,
                  source,
                  line[r],
                  Problems.number(minutes[first]) + " and " + Problems.number(minutes[r])
                      + " minutes",
                  "pair " + codes[origin[r]] + " -> "
                      + codes[destination[r]] + " is given twice with different times, first at"
                      + " line " + line[first],
                  "keep one row per pair");
            } else if (repeated++ == 0 || line[r] < firstRepeatLine) {
              firstRepeatLine = line[r];
            }
          } else {
            first = r;
          }
        }
        if (repeated > 0) {
          repeats[0] += repeated;
          repeats[1] = Math.min(repeats[1], firstRepeatLine);
        }
      }

      private int[] countingOrder(int[] key, int n, int[] input) {
        int[] start = new int[n + 1];
        for (int r = 0; r < count; r++) {
          start[key[r] + 1]++;
        }
        for (int i = 0; i < n; i++) {
          start[i + 1] += start[i];
        }
        int[] order = new int[count];
        for (int k = 0; k < count; k++) {
          int r = input == null ? k : input[k];
          order[start[key[r]]++] = r;
        }
        return order;
      }
    }

    private static int lastNewline(byte[] buf, int length) {
      for (int k = length - 1; k >= 0; k--) {
        if (buf[k] == '\n') {
          return k;
        }
      }
      return -1;
    }
  }

  /** The checks a block can report, by index (a block counts what it does not list). */
  private static final Check[] CHECKS = {
    Check.MALFORMED_ROW,
    Check.INVALID_CODE,
    Check.NOT_A_NUMBER,
    Check.NOT_FINITE,
    Check.NEGATIVE,
    Check.ABSURD_TIME
  };

  /** Where the fields are: separator, field count and the three columns. */
  private record Layout(byte sep, int fields, int origin, int destination, int minutes) {}

  /**
   * Whole lines of the file, parsed into records with block-local commune indices. A bad row is
   * reported (with its line within the block; the merge numbers it) and skipped: the block goes
   * on to its end. At most {@link fr.apl.problem.Validation#LISTED_PER_CHECK} problems of a
   * check are kept with their text; the others are counted.
   */
  private static final class Block {
    /** A problem found in the block, at a line within it (1-based). */
    record Found(Check check, long line, String value, String message, String hint) {}

    private byte[] buf;
    private final int length;
    private final Layout layout;
    private final java.util.Queue<byte[]> free;
    final CodeInterner codes = new CodeInterner();
    int[] origin;
    int[] destination;
    double[] minutes;
    int count;
    /** Lines in the block, skipped ones included. */
    long lines;
    /** The file line before the block's first line, set by the merge. */
    long firstLine;
    /** Block-local record index at each skipped line (blank or bad), to number records. */
    int[] skippedAt = new int[4];

    int skipped;
    final List<Found> found = new ArrayList<>(0);
    /** Rows that repeated the row before them (not kept), and the line of the first. */
    long repeats;

    long firstRepeat;
    final long[] unlisted = new long[CHECKS.length];
    private final int[] listed = new int[CHECKS.length];

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
      parseLines();
      free.add(buf);
      buf = null;
    }

    /** Calls {@code visit} with each record's index and file line, in order. */
    void eachRecord(RecordVisitor visit) {
      int s = 0;
      for (int r = 0; r < count; r++) {
        while (s < skipped && skippedAt[s] <= r) {
          s++;
        }
        visit.at(r, firstLine + 1 + r + s);
      }
    }

    /** Visits a record. */
    interface RecordVisitor {
      void at(int record, long line);
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
          skip();
          continue;
        }
        int found = ByteFields.split(b, from, to, sep, start, end);
        if (found != fields) {
          report(
              0,
              ByteFields.text(b, from, to),
              "expected " + fields + " fields as in the header, found " + found,
              "fix or remove the row");
          skip();
          continue;
        }
        int oi = intern(b, start[o], end[o], "origin");
        int di = intern(b, start[d], end[d], "destination");
        double t = Numbers.parse(b, start[m], end[m]);
        if (!(t >= 0 && t <= MAX_MINUTES)) {
          badTime(t, b, start[m], end[m], oi, di);
          skip();
          continue;
        }
        if (oi < 0 || di < 0) {
          skip();
          continue;
        }
        if (count > 0
            && oi == origin[count - 1]
            && di == destination[count - 1]
            && t == minutes[count - 1]) {
          // The row repeats the one before it: a counter, not a record. A file of one pair
          // repeated millions of times (a hostile gzip) costs no memory.
          if (repeats++ == 0) {
            firstRepeat = lines;
          }
          skip();
          continue;
        }
        add(oi, di, t);
      }
    }

    private void skip() {
      if (skipped == skippedAt.length) {
        skippedAt = Arrays.copyOf(skippedAt, skipped * 2);
      }
      skippedAt[skipped++] = count;
    }

    /** Reports a problem of check {@code CHECKS[c]} at the current line. */
    private void report(int c, String value, String message, String hint) {
      if (listed[c] < fr.apl.problem.Validation.LISTED_PER_CHECK) {
        listed[c]++;
        found.add(new Found(CHECKS[c], lines, value, message, hint));
      } else {
        unlisted[c]++;
      }
    }

    private void badTime(double t, byte[] b, int from, int to, int oi, int di) {
      String v = ByteFields.text(b, from, to).trim();
      String pair = (oi < 0 ? "?" : codes.code(oi)) + " -> " + (di < 0 ? "?" : codes.code(di));
      if (Rules.isSpecial(v, t)) {
        report(
            3,
            v,
            "travel time " + pair + " must be finite",
            "give the time in minutes, or remove the pair if there is no road");
      } else if (Double.isNaN(t)) {
        report(
            2,
            "'" + v + "'",
            "travel time " + pair + " must be a number",
            "write minutes with a decimal point or comma, e.g. 12.5");
      } else if (t < 0) {
        report(4, v, "travel time " + pair + " must be >= 0", "fix the row or remove it");
      } else {
        report(
            5,
            v,
            "travel time " + pair + " is longer than a day",
            "times are minutes: is the column in seconds?");
      }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
      for (int k = from; k < to; k++) {
        if (b[k] != ' ' && b[k] != '\t') {
          return false;
        }
      }
      return true;
    }

    /** Interns a code; returns -1 for an empty code (reported). */
    private int intern(byte[] b, int from, int to, String what) {
      while (from < to && (b[from] == ' ' || b[from] == '\t')) {
        from++;
      }
      while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
        to--;
      }
      if (from == to) {
        report(1, null, what + " commune code is empty", "fill in the code or remove the row");
        return -1;
      }
      for (int k = from; k < to; k++) {
        if (b[k] == '"') {
          return codes.intern(unescaped(b, from, to), 0, unescapedLength);
        }
      }
      return codes.intern(b, from, to);
    }

    private int unescapedLength;

    /**
     * Returns a quoted field's text with each doubled quote made one ({@code "q""x"} is
     * {@code q"x}), as {@link CsvReader} reads it; the length in {@link #unescapedLength}. Rare:
     * codes seldom hold quotes.
     */
    private byte[] unescaped(byte[] b, int from, int to) {
      byte[] t = new byte[to - from];
      int n = 0;
      for (int k = from; k < to; k++) {
        t[n++] = b[k];
        if (b[k] == '"' && k + 1 < to && b[k + 1] == '"') {
          k++;
        }
      }
      unescapedLength = n;
      return t;
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

  private static boolean isBlank(byte[] b, int from, int to) {
    return Block.isBlank(b, from, to);
  }

  private static List<String> splitHeader(String header, char sep) {
    List<String> out = new ArrayList<>();
    for (String f : header.split(java.util.regex.Pattern.quote(String.valueOf(sep)), -1)) {
      String t = f.trim();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1).trim();
      }
      out.add(t);
    }
    return out;
  }
}

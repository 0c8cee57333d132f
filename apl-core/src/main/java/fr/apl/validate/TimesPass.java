package fr.apl.validate;

import fr.apl.commune.CodeHistory;
import fr.apl.commune.InseeCodes;
import fr.apl.decay.DistanceDecay;
import fr.apl.io.csv.ByteFields;
import fr.apl.io.csv.ByteLines;
import fr.apl.io.csv.CodeInterner;
import fr.apl.io.csv.ColumnMapping;
import fr.apl.io.csv.CsvFiles;
import fr.apl.io.csv.Numbers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a travel-time table in one streaming pass, listing every problem.
 *
 * <p>Memory is 20 bytes a valid row (origin and destination indices, minutes, line), about 55 MB
 * for the 2.8 million pairs of France, plus 8 bytes a row while pairs given twice are looked for
 * at the end, plus the distinct codes; no String is made per row, and a bad row costs nothing
 * beyond its message (at most {@link Validation#LISTED_PER_CHECK} kept a check). Not
 * thread-safe; one instance checks one file.
 */
final class TimesPass {

  /** A day: a commune-to-commune road time beyond this is a unit or data mistake. */
  static final double MAX_MINUTES = 24 * 60;

  private final Path path;
  private final String file;
  private final Collector out;
  private final ColumnMapping columns;
  private final String timeColumn;
  private final DistanceDecay decay;
  private final CodeHistory history;
  private final boolean inseeCodes;
  private final Map<String, Double> population;

  private ByteLines reader;
  private byte[] buf;
  private long line;

  private final CodeInterner codes = new CodeInterner();
  private int[] origin = new int[1 << 16];
  private int[] destination = new int[1 << 16];
  private double[] minutes = new double[1 << 16];
  private int[] lines = new int[1 << 16];
  private int count;
  private boolean[] self = new boolean[1024];
  private boolean[] reached = new boolean[1024];
  private byte[] populated = new byte[1024];
  /** Bad codes by code index: first line, then occurrences. */
  private final TreeMap<Integer, long[]> badCodes = new TreeMap<>();
  private long repeated;
  private long firstRepeatLine;

  TimesPass(Path path, Collector out, ColumnMapping columns, String timeColumn,
      DistanceDecay decay, CodeHistory history, Map<String, Double> population,
      boolean inseeCodes) {
    this.inseeCodes = inseeCodes;
    this.path = path;
    this.file = path.toString();
    this.out = out;
    this.columns = columns;
    this.timeColumn = timeColumn;
    this.decay = decay;
    this.history = history;
    this.population = population;
  }

  /** Returns the current codes (after the code history) of every commune of the table. */
  Set<String> currentCodes() {
    Set<String> s = new HashSet<>();
    for (int k = 0; k < codes.size(); k++) {
      s.add(history.current(codes.code(k)));
    }
    return s;
  }

  /**
   * Returns the current codes of the destinations reached with a weight &gt; 0 from a populated
   * origin.
   */
  Set<String> reachedDestinations() {
    Set<String> s = new HashSet<>();
    for (int k = 0; k < codes.size(); k++) {
      if (reached[k]) {
        s.add(history.current(codes.code(k)));
      }
    }
    return s;
  }

  /** Returns true when the header was read and the columns found. */
  boolean run() throws IOException {
    try (InputStream s = CsvFiles.open(path)) {
      reader = new ByteLines(s);
      return parse();
    }
  }

  private boolean parse() throws IOException {
    int[] span = nextLine();
    while (span != null && isBlank(span[0], span[1])) {
      span = nextLine();
    }
    if (span == null) {
      out.add(Check.EMPTY_FILE, file, 0, null, "the file is empty",
          "expected a header such as origin,destination,minutes or COM1,COM2,KM,HC,HP");
      return false;
    }
    String headerText = new String(buf, span[0], span[1] - span[0], StandardCharsets.UTF_8);
    long headerLine = line;
    byte sep = (byte) separator(headerText);
    List<String> header = splitHeader(headerText, (char) sep);
    InputValidator.checkDuplicateColumns(out, file, headerLine, header);
    int o = InputValidator.find(header, columns.candidates(ColumnMapping.ORIGIN));
    int d = InputValidator.find(header, columns.candidates(ColumnMapping.DESTINATION));
    int m = timeColumn != null ? InputValidator.find(header, timeColumn)
        : InputValidator.find(header, columns.candidates(ColumnMapping.MINUTES));
    boolean ok = true;
    ok &= InputValidator.requireColumn(out, file, headerLine, header, o, "origin",
        ColumnMapping.ORIGIN, columns);
    ok &= InputValidator.requireColumn(out, file, headerLine, header, d, "destination",
        ColumnMapping.DESTINATION, columns);
    if (timeColumn != null && m < 0) {
      out.add(Check.MISSING_COLUMN, file, headerLine, String.join(",", header),
          "no '" + timeColumn + "' column (--time-column)", "check the header or --time-column");
      ok = false;
    } else if (timeColumn == null) {
      ok &= InputValidator.requireColumn(out, file, headerLine, header, m, "minutes",
          ColumnMapping.MINUTES, columns);
    }
    if (!ok) {
      return false;
    }
    int fields = header.size();
    int[] start = new int[fields];
    int[] end = new int[fields];
    long records = 0;
    while ((span = nextLine()) != null) {
      int from = span[0];
      int to = span[1];
      if (isBlank(from, to)) {
        continue;
      }
      records++;
      int found = ByteFields.split(buf, from, to, sep, start, end);
      if (found != fields) {
        out.add(Check.MALFORMED_ROW, file, line, ByteFields.text(buf, from, to), "expected " + fields
            + " fields as in the header, found " + found, "fix or remove the row");
        continue;
      }
      int oi = code(start[o], end[o], "origin");
      int di = code(start[d], end[d], "destination");
      double t = Numbers.parse(buf, start[m], end[m]);
      if (!timeOk(t, start[m], end[m], oi, di) || oi < 0 || di < 0) {
        continue;
      }
      if (oi == di) {
        self[oi] = true;
      }
      records(oi, di, t, line);
      if (isPopulated(oi) && decay.weight(t) > 0) {
        reached[di] = true;
      }
    }
    if (records == 0) {
      out.add(Check.HEADER_ONLY, file, 0, null, "no travel time below the header",
          "the file has a header and no data row");
      return true;
    }
    reportCodes();
    duplicates();
    if (repeated > 0) {
      out.add(Check.REPEATED_PAIR, file, firstRepeatLine, null, repeated + " rows repeat a pair"
          + " with the same time (kept once)", null);
    }
    // After the code history: an old code without a self pair is fine when its current code has
    // one.
    Set<String> withSelf = new HashSet<>();
    for (int k = 0; k < codes.size(); k++) {
      if (self[k]) {
        withSelf.add(history.current(codes.code(k)));
      }
    }
    Set<String> missing = new java.util.TreeSet<>();
    for (int k = 0; k < codes.size(); k++) {
      String c = history.current(codes.code(k));
      if (!withSelf.contains(c) && !badCodes.containsKey(k)) {
        missing.add(c);
      }
    }
    List<String> noSelf = new ArrayList<>(missing);
    if (!noSelf.isEmpty()) {
      out.add(Check.MISSING_SELF_PAIRS, file, 0, InputValidator.firstCodes(noSelf),
          (noSelf.size() == 1 ? "1 commune has" : noSelf.size() + " communes have")
          + " no pair to itself",
          "0 minutes is assumed (people and doctors at the town hall)");
    }
    return true;
  }

  private boolean timeOk(double t, int from, int to, int oi, int di) {
    if (t >= 0 && t <= MAX_MINUTES) {
      return true;
    }
    String v = ByteFields.text(buf, from, to).trim();
    String pair = (oi < 0 ? "?" : codes.code(oi)) + " -> " + (di < 0 ? "?" : codes.code(di));
    if (Double.isNaN(t)) {
      String low = v.toLowerCase(Locale.ROOT);
      boolean special = low.equals("nan") || low.replace("+", "").replace("-", "").startsWith("inf");
      if (special) {
        out.add(Check.NOT_FINITE, file, line, v, "travel time " + pair + " must be finite",
            "give the time in minutes, or remove the pair if there is no road");
      } else {
        out.add(Check.NOT_A_NUMBER, file, line, "'" + v + "'", "travel time " + pair
            + " must be a number", "write minutes with a decimal point or comma, e.g. 12.5");
      }
      return false;
    }
    if (Double.isInfinite(t)) {
      out.add(Check.NOT_FINITE, file, line, v, "travel time " + pair + " must be finite",
          "give the time in minutes, or remove the pair if there is no road");
      return false;
    }
    if (t < 0) {
      out.add(Check.NEGATIVE, file, line, v, "travel time " + pair + " must be >= 0",
          "fix the row or remove it");
      return false;
    }
    if (t > MAX_MINUTES) {
      out.add(Check.ABSURD_TIME, file, line, v, "travel time " + pair
          + " is longer than a day", "times are minutes: is the column in seconds?");
      return false;
    }
    return true;
  }

  private static String show(double t) {
    return t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : Double.toString(t);
  }

  private boolean isPopulated(int index) {
    if (populated[index] == 0) {
      Double p = population.get(history.current(codes.code(index)));
      populated[index] = (byte) (p != null && p > 0 ? 1 : 2);
    }
    return populated[index] == 1;
  }

  /** Interns a code; returns -1 for an empty code (reported). */
  private int code(int from, int to, String what) {
    while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
      from++;
    }
    while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
      to--;
    }
    if (from == to) {
      out.add(Check.INVALID_CODE, file, line, null, what + " commune code is empty",
          "fill in the code or remove the row");
      return -1;
    }
    int before = codes.size();
    int k = codes.intern(buf, from, to);
    if (k == before) {
      grow(k);
      if (inseeCodes && InseeCodes.problem(codes.code(k)) != null
          && !history.isOld(codes.code(k))) {
        badCodes.put(k, new long[] {line, 0});
      }
    }
    long[] bad = badCodes.get(k);
    if (bad != null) {
      bad[1]++;
    }
    return k;
  }

  private void records(int o, int d, double t, long at) {
    if (count == origin.length) {
      int size = count + (count >> 1);
      origin = Arrays.copyOf(origin, size);
      destination = Arrays.copyOf(destination, size);
      minutes = Arrays.copyOf(minutes, size);
      lines = Arrays.copyOf(lines, size);
    }
    origin[count] = o;
    destination[count] = d;
    minutes[count] = t;
    lines[count] = at > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) at;
    count++;
  }

  /**
   * Finds pairs given twice: two stable counting sorts (by destination, then by origin) put the
   * records of one pair next to each other in file order, in O(records + communes); the first
   * record of a pair is the reference.
   */
  private void duplicates() {
    int n = codes.size();
    int[] byDest = countingOrder(destination, n, null);
    int[] order = countingOrder(origin, n, byDest);
    byDest = null;
    int first = -1;
    for (int k = 0; k < count; k++) {
      int r = order[k];
      if (first >= 0 && origin[r] == origin[first] && destination[r] == destination[first]) {
        if (minutes[r] != minutes[first]) {
          out.add(Check.DUPLICATE_PAIR, file, lines[r], show(minutes[first]) + " and "
              + show(minutes[r]) + " minutes", "pair " + codes.code(origin[r]) + " -> "
              + codes.code(destination[r]) + " is given twice with different times, first at"
              + " line " + lines[first], "keep one row per pair");
        } else if (repeated++ == 0 || lines[r] < firstRepeatLine) {
          firstRepeatLine = lines[r];
        }
      } else {
        first = r;
      }
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
    int[] out = new int[count];
    for (int k = 0; k < count; k++) {
      int r = input == null ? k : input[k];
      out[start[key[r]]++] = r;
    }
    return out;
  }

  private void grow(int k) {
    if (k >= self.length) {
      int size = self.length * 2;
      self = Arrays.copyOf(self, size);
      reached = Arrays.copyOf(reached, size);
      populated = Arrays.copyOf(populated, size);
    }
  }

  private void reportCodes() {
    for (Map.Entry<Integer, long[]> e : badCodes.entrySet()) {
      String c = codes.code(e.getKey());
      long n = e.getValue()[1];
      InputValidator.reportCode(out, file, e.getValue()[0], c,
          n > 1 ? " (on " + n + " rows)" : "");
    }
  }

  private boolean isBlank(int from, int to) {
    for (int k = from; k < to; k++) {
      if (buf[k] != ' ' && buf[k] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Returns {start, end} of the next line in buf (without CR/LF), or null at the end. */
  private int[] nextLine() throws IOException {
    if (!reader.next()) {
      return null;
    }
    buf = reader.buffer();
    line = reader.line();
    return new int[] {reader.start(), reader.end()};
  }

  /** Returns the most frequent of ';', tab and ',' outside quotes (',' on a tie). */
  static char separator(String header) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int k = 0; k < header.length(); k++) {
      char c = header.charAt(k);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        commas += c == ',' ? 1 : 0;
        semicolons += c == ';' ? 1 : 0;
        tabs += c == '\t' ? 1 : 0;
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas && tabs > semicolons ? '\t' : ',';
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

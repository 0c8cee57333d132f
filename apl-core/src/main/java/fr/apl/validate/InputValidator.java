package fr.apl.validate;

import fr.apl.commune.Arrondissements;
import fr.apl.commune.CodeHistory;
import fr.apl.commune.InseeCodes;
import fr.apl.internal.Parallel;
import fr.apl.matrix.TravelTimeMatrix;
import fr.apl.decay.DistanceDecay;
import fr.apl.demand.AgeWeights;
import fr.apl.io.csv.AgeWeightsCsv;
import fr.apl.io.csv.ColumnMapping;
import fr.apl.io.csv.CsvFiles;
import fr.apl.io.csv.CsvReader;
import fr.apl.io.csv.DoctorsCsv;
import fr.apl.io.csv.InputEncoding;
import fr.apl.io.csv.InputException;
import fr.apl.io.csv.Numbers;
import fr.apl.io.csv.ReadOptions;
import fr.apl.io.csv.SupplyCsv;
import fr.apl.supply.PracticeMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.Future;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Checks the inputs of an APL computation and returns every problem at once (JTS
 * {@code IsValidOp} style), where the readers stop at the first.
 *
 * <p>Checks, by file (see {@link Check} for each one and its severity):
 *
 * <ul>
 *   <li>every file: exists, not empty, not header-only, the needed columns present once, rows
 *       with the header's field count, the encoding (UTF-8, or Windows-1252 detected or given);
 *   <li>commune codes: INSEE format, a lost leading zero ({@code 1001}), Corsica as
 *       {@code 20xxx}; Paris, Lyon, Marseille not both whole and by arrondissement;
 *   <li>times: numbers, finite, &gt;= 0, at most a day; a pair twice with different times; missing
 *       self pairs (warning); asymmetric pairs are fine;
 *   <li>population, supply, doctors: numbers, finite, &gt;= 0, each commune (practice) once; a
 *       doctor with zero acts (warning); the doctors' fields;
 *   <li>across files, after the code history: population communes that the times never mention,
 *       supply that no populated commune reaches with a weight &gt; 0.
 * </ul>
 *
 * <p>The times table is streamed once (memory bounded by its distinct pairs, not its rows); the
 * other files are small. An instance is immutable and may be used from several threads; each
 * {@link #validate()} reads the files again.
 */
public final class InputValidator {

  private final Path times;
  private final String timeColumn;
  private final Path population;
  private final Path supply;
  private final Path doctors;
  private final Path ageWeights;
  private final ReadOptions options;
  private final CodeHistory history;
  private final boolean inseeCodes;
  private final DistanceDecay decay;

  private InputValidator(Builder b) {
    this.times = b.times;
    this.timeColumn = b.timeColumn;
    this.population = b.population;
    this.supply = b.supply;
    this.doctors = b.doctors;
    this.ageWeights = b.ageWeights;
    this.options = b.options;
    this.history = b.history;
    this.inseeCodes = b.inseeCodes;
    this.decay = b.decay;
  }

  /** Returns a builder with no file, the default read options, no code history, DREES bands. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the files and options to check. Not thread-safe. */
  public static final class Builder {
    private Path times;
    private String timeColumn;
    private Path population;
    private Path supply;
    private Path doctors;
    private Path ageWeights;
    private ReadOptions options = ReadOptions.defaults();
    private CodeHistory history = CodeHistory.none();
    private boolean inseeCodes = true;
    private DistanceDecay decay = DistanceDecay.dreesGeneralPractitioners();

    private Builder() {}

    /** Sets the travel-time table, and its minutes column (null for the usual names). */
    public Builder times(Path file, String minutesColumn) {
      this.times = file;
      this.timeColumn = minutesColumn;
      return this;
    }

    /** Sets the population file. */
    public Builder population(Path file) {
      this.population = file;
      return this;
    }

    /** Sets the supply file (per practice commune). */
    public Builder supply(Path file) {
      this.supply = file;
      return this;
    }

    /** Sets the doctors file (one row per doctor and practice). */
    public Builder doctors(Path file) {
      this.doctors = file;
      return this;
    }

    /** Sets an age-weights file to check, or null. */
    public Builder ageWeights(Path file) {
      this.ageWeights = file;
      return this;
    }

    /** Sets the encoding and column names, non-null. */
    public Builder options(ReadOptions readOptions) {
      this.options = readOptions;
      return this;
    }

    /**
     * Says whether ids must be INSEE commune codes (the default) or may be any text, as for the
     * cells and practice points of a grid.
     */
    public Builder inseeCodes(boolean required) {
      this.inseeCodes = required;
      return this;
    }

    /** Sets the code history applied before the checks across files, non-null. */
    public Builder codeHistory(CodeHistory codeHistory) {
      this.history = codeHistory;
      return this;
    }

    /** Sets the decay that says which pairs are in reach (weight &gt; 0), non-null. */
    public Builder decay(DistanceDecay distanceDecay) {
      this.decay = distanceDecay;
      return this;
    }

    /** Returns the validator. */
    public InputValidator build() {
      if (options == null || history == null || decay == null) {
        throw new IllegalArgumentException("options, code history and decay must not be null");
      }
      return new InputValidator(this);
    }
  }

  /**
   * Checks the files.
   *
   * @return every problem found; a missing file is a problem ({@link Check#FILE_NOT_FOUND}), not
   *     an exception
   * @throws IOException when a file exists but reading it fails
   */
  public Validation validate() throws IOException {
    Collector out = new Collector();
    // The supply (or doctors) file is checked on another thread while the population is: the
    // two are independent, and its problems are added as if found after the population's.
    Path supplyFile = supply != null ? supply : doctors;
    Map<String, Double> supplyValues = new HashMap<>(1 << 14);
    Collector supplyOut = new Collector();
    Future<Boolean> supplyCheck = supplyFile == null ? null : Parallel.submit(() -> {
      if (!exists(supplyOut, supplyFile)) {
        return false;
      }
      if (supply != null) {
        checkSupply(supplyOut, supplyValues);
      } else {
        checkDoctors(supplyOut, supplyValues);
      }
      return true;
    });
    Map<String, Double> pop = null;
    // Sized for France (35 000 communes): no rehashing on the way.
    Map<String, Long> popLines = new HashMap<>(1 << 16);
    if (population != null && exists(out, population)) {
      pop = new HashMap<>(1 << 16);
      checkPopulation(out, pop, popLines);
    }
    boolean supplyChecked = supplyCheck != null
        && Parallel.await(supplyCheck, "validating the inputs");
    Map<String, Double> supplied = supplyChecked ? supplyValues : null;
    out.addAll(supplyOut);

    if (ageWeights != null && exists(out, ageWeights)) {
      checkAgeWeights(out);
    }
    if (times != null && exists(out, times)) {
      TimesPass pass = new TimesPass(times, out, options.columns(), timeColumn, decay, history,
          pop == null ? Map.of() : pop, inseeCodes);
      if (pass.run()) {
        Set<String> timesCodes = pass.currentCodes();
        if (pop != null && !pop.isEmpty() && !timesCodes.isEmpty()) {
          acrossFiles(out, pop, timesCodes);
          if (supplied != null) {
            unreached(out, supplyFile, supplied, pop, pass.reachedDestinations());
          }
        }
      }
    }
    return out.build();
  }

  private static boolean exists(Collector out, Path file) {
    out.file(file.toString());
    if (Files.isRegularFile(file) && Files.isReadable(file)) {
      return true;
    }
    out.add(Check.FILE_NOT_FOUND, file.toString(), 0, null, Files.exists(file)
        ? "cannot be read" : "no such file", "check the path");
    return false;
  }

  // ---------------------------------------------------------------- small files

  /** Opens a small file in the encoding asked for, reporting encoding problems; null if empty. */
  private CsvReader open(Collector out, Path path) throws IOException {
    String file = path.toString();
    InputEncoding enc = options.encoding();
    if (enc != InputEncoding.WINDOWS_1252) {
      boolean utf8 = CsvFiles.isUtf8(path);
      if (!utf8 && enc == InputEncoding.AUTO) {
        out.add(Check.ENCODING_GUESSED, file, 0, null, "the file is not UTF-8: read as"
            + " Windows-1252", "if accents look wrong, save it as UTF-8 or give --encoding");
      } else if (!utf8) {
        out.add(Check.ENCODING, file, 0, null, "the file is not valid UTF-8",
            "save it as UTF-8, or give --encoding windows-1252 (or auto)");
      }
      enc = utf8 ? InputEncoding.UTF_8 : InputEncoding.WINDOWS_1252;
    }
    try {
      return CsvReader.open(path, enc);
    } catch (InputException e) {
      out.add(Check.EMPTY_FILE, file, 0, null, "the file is empty", "expected a header line");
      return null;
    }
  }

  /** Returns the next record; malformed rows are reported and skipped. */
  private static List<String> next(Collector out, CsvReader csv) throws IOException {
    long lastBad = -1;
    while (true) {
      try {
        return csv.next();
      } catch (InputException e) {
        if (e.line() == lastBad) {
          return null; // The reader cannot go past this line (an undecodable byte).
        }
        lastBad = e.line();
        out.add(Check.MALFORMED_ROW, csv.source(), e.line(), null, e.problem(),
            "fix or remove the row (quote fields that contain the separator)");
      }
    }
  }

  private void checkPopulation(Collector out, Map<String, Double> pop, Map<String, Long> lines)
      throws IOException {
    try (CsvReader csv = open(out, population)) {
      if (csv == null) {
        return;
      }
      String file = csv.source();
      List<String> header = csv.header();
      checkDuplicateColumns(out, file, 1, header);
      ColumnMapping names = options.columns();
      int code = find(header, names.candidates(ColumnMapping.COMMUNE));
      boolean ok = requireColumn(out, file, 1, header, code, "commune", ColumnMapping.COMMUNE,
          names);
      int standardised = find(header, names.candidates(ColumnMapping.POPULATION));
      int[] bands = standardised >= 0 ? new int[] {standardised} : bandColumns(header);
      if (bands == null) {
        out.add(Check.MISSING_COLUMN, file, 1, String.join(String.valueOf(csv.separator()),
            header), "no population column: expected 'population' (standardised) or the age"
            + " bands p_0_4 ... p_85_89 and p_90p (or p_90_94 and p_95p)",
            "rename the column, or name it with --columns population=NAME");
        ok = false;
      }
      if (!ok) {
        return;
      }
      String[] subject = new String[bands.length];
      for (int k = 0; k < bands.length; k++) {
        subject[k] = standardised >= 0 ? "population" : "residents in " + header.get(bands[k]);
      }
      Map<String, Long> seen = new HashMap<>(1 << 16);
      List<String> f;
      long rows = 0;
      while ((f = next(out, csv)) != null) {
        rows++;
        String c = communeCode(out, csv, f.get(code), seen, "commune");
        double total = 0;
        boolean good = true;
        for (int k = 0; k < bands.length; k++) {
          double v = number(out, csv, f.get(bands[k]), subject[k], c,
              "populations are counts of inhabitants");
          good &= !Double.isNaN(v);
          total += good ? v : 0;
        }
        if (c != null && good) {
          lines.putIfAbsent(c, csv.line());
          pop.merge(history.current(c), total, Double::sum);
        }
      }
      if (rows == 0) {
        headerOnly(out, file);
      }
      wholeAndArrondissements(out, file, seen);
    }
  }

  private static int[] bandColumns(List<String> header) {
    int[] cols = new int[AgeWeights.BANDS + 1];
    for (int a = 0; a < AgeWeights.BANDS - 1; a++) {
      cols[a] = find(header, "p_" + (5 * a) + "_" + (5 * a + 4));
      if (cols[a] < 0) {
        return null;
      }
    }
    int p90 = find(header, "p_90p");
    if (p90 >= 0) {
      cols[AgeWeights.BANDS - 1] = p90;
      return java.util.Arrays.copyOf(cols, AgeWeights.BANDS);
    }
    cols[AgeWeights.BANDS - 1] = find(header, "p_90_94");
    cols[AgeWeights.BANDS] = find(header, "p_95p");
    return cols[AgeWeights.BANDS - 1] < 0 || cols[AgeWeights.BANDS] < 0 ? null : cols;
  }

  private void checkSupply(Collector out, Map<String, Double> supplied) throws IOException {
    try (CsvReader csv = open(out, supply)) {
      if (csv == null) {
        return;
      }
      String file = csv.source();
      List<String> header = csv.header();
      checkDuplicateColumns(out, file, 1, header);
      ColumnMapping names = options.columns();
      int code = find(header, names.candidates(ColumnMapping.COMMUNE));
      int all = find(header, names.candidates(ColumnMapping.CONSULTATIONS));
      boolean ok = requireColumn(out, file, 1, header, code, "commune", ColumnMapping.COMMUNE,
          names);
      ok &= requireColumn(out, file, 1, header, all, "consultations",
          ColumnMapping.CONSULTATIONS, names);
      if (!ok) {
        return;
      }
      List<Integer> capped = new ArrayList<>();
      for (int k = 0; k < header.size(); k++) {
        Matcher m = SupplyCsv.CAPPED.matcher(header.get(k));
        if (m.matches()) {
          capped.add(k);
        }
      }
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      long rows = 0;
      while ((f = next(out, csv)) != null) {
        rows++;
        String c = communeCode(out, csv, f.get(code), seen, "commune");
        double a = number(out, csv, f.get(all), "consultations", c,
            "consultations are counts of acts in the year");
        for (int k : capped) {
          double v = number(out, csv, f.get(k), header.get(k), c,
              "consultations are counts of acts in the year");
          if (!Double.isNaN(a) && v > a * (1 + 1e-12)) {
            out.add(Check.INVALID_VALUE, file, csv.line(), f.get(k).trim() + " > "
                + f.get(all).trim(), header.get(k) + (c == null ? "" : " of " + c)
                + " exceeds consultations of all doctors",
                "the capped supply counts fewer doctors: check the columns");
          }
        }
        if (c != null && !Double.isNaN(a)) {
          supplied.merge(history.current(c), a, Double::sum);
        }
      }
      if (rows == 0) {
        headerOnly(out, file);
      }
      wholeAndArrondissements(out, file, seen);
    }
  }

  private void checkDoctors(Collector out, Map<String, Double> supplied) throws IOException {
    try (CsvReader csv = open(out, doctors)) {
      if (csv == null) {
        return;
      }
      String file = csv.source();
      List<String> header = csv.header();
      checkDuplicateColumns(out, file, 1, header);
      ColumnMapping names = options.columns();
      int id = find(header, names.candidates(ColumnMapping.DOCTOR_ID));
      int code = find(header, names.candidates(ColumnMapping.COMMUNE));
      int acts = find(header, names.candidates(ColumnMapping.ACTS));
      boolean ok = requireColumn(out, file, 1, header, id, "doctor id", ColumnMapping.DOCTOR_ID,
          names);
      ok &= requireColumn(out, file, 1, header, code, "practice commune", ColumnMapping.COMMUNE,
          names);
      ok &= requireColumn(out, file, 1, header, acts, "acts", ColumnMapping.ACTS, names);
      if (!ok) {
        return;
      }
      int age = find(header, names.candidates(ColumnMapping.AGE));
      int mode = find(header, names.candidates(ColumnMapping.MODE));
      int fresh = find(header, names.candidates(ColumnMapping.NEW_INSTALLATION));
      Map<String, Long> practiceLine = new HashMap<>();
      Map<String, String> profile = new HashMap<>();
      Map<String, Long> firstLine = new TreeMap<>();
      Map<String, Double> actsOf = new HashMap<>();
      Map<String, Long> codeSeen = new HashMap<>();
      List<String> f;
      long rows = 0;
      while ((f = next(out, csv)) != null) {
        rows++;
        long line = csv.line();
        String doctor = f.get(id).trim();
        if (doctor.isEmpty()) {
          out.add(Check.INVALID_VALUE, file, line, null, "doctor id is empty",
              "give every doctor an identifier (RPPS or any stable id)");
        }
        String c = communeCode(out, csv, f.get(code), null, "practice commune");
        double a = number(out, csv, f.get(acts), "acts of doctor " + doctor, null,
            "acts are consultations, visits and teleconsultations in the year");
        String ageText = age >= 0 ? f.get(age).trim() : "";
        if (!ageText.isEmpty()) {
          double v = Numbers.parse(ageText);
          if (v != Math.rint(v) || v < 0 || v > 120) {
            out.add(Check.INVALID_VALUE, file, line, ageText, "age of doctor " + doctor
                + " must be a whole number of years from 0 to 120", "leave it empty if unknown");
          }
        }
        PracticeMode m = PracticeMode.LIBERAL;
        if (mode >= 0) {
          m = DoctorsCsv.parseMode(f.get(mode));
          if (m == null) {
            out.add(Check.INVALID_VALUE, file, line, f.get(mode).trim(), "mode of doctor "
                + doctor + " must be liberal or centre_sante", null);
          }
        }
        Boolean n = fresh >= 0 ? DoctorsCsv.parseFlag(f.get(fresh)) : Boolean.FALSE;
        if (n == null) {
          out.add(Check.INVALID_VALUE, file, line, f.get(fresh).trim(), "new_installation of"
              + " doctor " + doctor + " must be 0 or 1", null);
        }
        if (doctor.isEmpty()) {
          continue;
        }
        if (c != null) {
          codeSeen.putIfAbsent(c, line);
          Long dup = practiceLine.putIfAbsent(doctor + "\u0000" + c, line);
          if (dup != null) {
            out.add(Check.DUPLICATE_COMMUNE, file, line, c, "doctor " + doctor + " has this"
                + " practice commune twice, first at line " + dup, "keep one row per doctor"
                + " and practice, acts summed");
          }
        }
        String p = ageText + "|" + m + "|" + n;
        String before = profile.putIfAbsent(doctor, p);
        if (before != null && !before.equals(p)) {
          out.add(Check.INCONSISTENT_DOCTOR, file, line, doctor, "doctor " + doctor + " has"
              + " another age, mode or new_installation than at line " + firstLine.get(doctor),
              "the rows of one doctor must agree");
        }
        firstLine.putIfAbsent(doctor, line);
        if (!Double.isNaN(a)) {
          actsOf.merge(doctor, a, Double::sum);
          if (c != null && a > 0) {
            supplied.merge(history.current(c), a, Double::sum);
          }
        }
      }
      if (rows == 0) {
        headerOnly(out, file);
      }
      for (Map.Entry<String, Long> e : firstLine.entrySet()) {
        Double a = actsOf.get(e.getKey());
        if (a != null && a == 0) {
          out.add(Check.ZERO_ACTS, file, e.getValue(), null, "doctor " + e.getKey()
              + " has no act in the year", "counted 0 unless a new installation: check the"
              + " extraction");
        }
      }
      wholeAndArrondissements(out, file, codeSeen);
    }
  }

  private void checkAgeWeights(Collector out) throws IOException {
    try {
      AgeWeightsCsv.read(ageWeights);
    } catch (InputException e) {
      out.add(Check.INVALID_VALUE, ageWeights.toString(), e.line(), null, e.problem(),
          "19 rows band,weight: under 5, 5-9, ..., 85-89, 90 and over");
    }
  }

  // ---------------------------------------------------------------- field checks

  /** Checks a commune code; returns it, or null when it is empty or given twice. */
  private String communeCode(Collector out, CsvReader csv, String text, Map<String, Long> seen,
      String what) {
    String c = text.trim();
    if (c.isEmpty()) {
      out.add(Check.INVALID_CODE, csv.source(), csv.line(), null, what + " code is empty",
          "fill in the code or remove the row");
      return null;
    }
    if (invalidCode(c)) {
      reportCode(out, csv.source(), csv.line(), c, "");
    }
    if (seen != null) {
      Long first = seen.putIfAbsent(c, csv.line());
      if (first != null) {
        out.add(Check.DUPLICATE_COMMUNE, csv.source(), csv.line(), c, what + " is given twice,"
            + " first at line " + first, "keep one row per commune");
        return null;
      }
    }
    return c;
  }

  /**
   * Tells, after a times table was read without error into a matrix, whether the full validation
   * of the times table could still find an error that the fast reader does not look for: a time
   * longer than a day, an id that is not an INSEE code (when they are required), no population
   * commune in the times, or Paris, Lyon or Marseille whole in one input and by arrondissement in
   * the other. O(pairs + communes); lets {@code apl compute} read a clean times table once and
   * run the streaming validation only when something is wrong.
   *
   * @param populationCodes the population's communes, in the current geography
   */
  public static boolean needsFullCheck(TravelTimeMatrix matrix, Set<String> populationCodes,
      boolean inseeCodes, CodeHistory history) {
    // The matrix's own array, read only (a buffer view cost a call per pair before compilation).
    double[] minutes = fr.apl.internal.Access.matrix().minutes(matrix);
    for (double m : minutes) {
      if (m > TimesPass.MAX_MINUTES) {
        return true;
      }
    }
    Set<String> codes = new java.util.HashSet<>(java.util.Arrays.asList(matrix.codes()));
    if (inseeCodes) {
      for (String c : codes) {
        if (InseeCodes.problem(c) != null && !history.isOld(c)) {
          return true;
        }
      }
    }
    boolean any = false;
    for (String c : populationCodes) {
      any |= codes.contains(c);
    }
    if (!any && !populationCodes.isEmpty()) {
      return true;
    }
    return !citiesSplitDifferently(populationCodes, codes).isEmpty();
  }

  /**
   * Returns the cities (rows of {@link #CITIES}, in that order) given whole in one code set and
   * by arrondissement in the other.
   */
  private static List<String[]> citiesSplitDifferently(Set<String> here, Set<String> there) {
    Set<String> citiesHere = citiesByArrondissement(here);
    Set<String> citiesThere = citiesByArrondissement(there);
    List<String[]> out = new ArrayList<>();
    for (String[] city : CITIES) {
      boolean partsHere = citiesHere.contains(city[0]);
      boolean partsThere = citiesThere.contains(city[0]);
      boolean wholeHere = here.contains(city[0]);
      boolean wholeThere = there.contains(city[0]);
      if (partsHere && wholeThere && !partsThere || wholeHere && partsThere && !wholeThere) {
        out.add(city);
      }
    }
    return out;
  }

  /** Returns the cities (Paris, Lyon, Marseille) that some of the codes divide by arrondissement. */
  private static Set<String> citiesByArrondissement(Set<String> codes) {
    Set<String> out = new java.util.HashSet<>();
    for (String c : codes) {
      String city = Arrondissements.municipalityOf(c);
      if (city != null) {
        out.add(city);
      }
    }
    return out;
  }

  /** Returns true for a code that is not an INSEE code (when they are required) nor an old one. */
  private boolean invalidCode(String c) {
    return inseeCodes && InseeCodes.problem(c) != null && !history.isOld(c);
  }

  /** Reports an invalid code with its suggestion. */
  static void reportCode(Collector out, String file, long line, String code, String more) {
    String s = InseeCodes.suggestion(code);
    Check check = s != null && code.length() == 4 ? Check.LEADING_ZERO
        : code.length() == 5 && code.startsWith("20") && code.chars().allMatch(Character::isDigit)
            ? Check.CORSICA_20 : Check.INVALID_CODE;
    String message = check == Check.LEADING_ZERO ? "commune code lost its leading zero"
        : check == Check.CORSICA_20 ? "commune code uses department 20: Corsica is 2A or 2B"
            + " since 1976" : "not an INSEE commune code";
    out.add(check, file, line, code, message + more, InseeCodes.hint(code));
  }

  /** Parses a count: a finite number &gt;= 0; reports and returns NaN otherwise. */
  private static double number(Collector out, CsvReader csv, String text, String subject,
      String owner, String hint) {
    String t = text.trim();
    double v = Numbers.parse(t);
    if (v >= 0 && v != Double.POSITIVE_INFINITY) {
      return v; // the usual case: no message built
    }
    String what = owner == null ? subject : subject + " of " + owner;
    String low = t.toLowerCase(Locale.ROOT);
    if (Double.isNaN(v) && (low.equals("nan") || low.replace("-", "").replace("+", "")
        .startsWith("inf")) || Double.isInfinite(v)) {
      out.add(Check.NOT_FINITE, csv.source(), csv.line(), t, what + " must be finite", hint);
      return Double.NaN;
    }
    if (Double.isNaN(v)) {
      out.add(Check.NOT_A_NUMBER, csv.source(), csv.line(), "'" + t + "'", what
          + " must be a number", "write digits with a decimal point or comma, no thousands"
          + " separator");
      return Double.NaN;
    }
    // What is left is a finite negative number.
    out.add(Check.NEGATIVE, csv.source(), csv.line(), t, what + " must be >= 0", hint);
    return Double.NaN;
  }

  private static void headerOnly(Collector out, String file) {
    out.add(Check.HEADER_ONLY, file, 0, null, "no data below the header",
        "the file has a header and no data row");
  }

  // ---------------------------------------------------------------- columns

  /** Returns the index of the first header name equal (ignoring case) to one of names, or -1. */
  static int find(List<String> header, String... names) {
    for (String n : names) {
      for (int k = 0; k < header.size(); k++) {
        if (header.get(k).equalsIgnoreCase(n)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Reports a missing column; returns false when it is missing. */
  static boolean requireColumn(Collector out, String file, long line, List<String> header,
      int index, String what, String key, ColumnMapping names) {
    if (index >= 0) {
      return true;
    }
    String given = names.get(key);
    out.add(Check.MISSING_COLUMN, file, line, String.join(",", header), "no " + what
        + " column: expected " + (given != null ? "'" + given + "' (--columns) or " : "")
        + "one of " + String.join(", ", ColumnMapping.defaults(key)),
        "rename the column, or name it with --columns " + key + "=NAME");
    return false;
  }

  /** Reports header names given twice (ignoring case). */
  static void checkDuplicateColumns(Collector out, String file, long line, List<String> header) {
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < header.size(); k++) {
      String n = header.get(k).toLowerCase(Locale.ROOT);
      Integer first = seen.putIfAbsent(n, k);
      if (first != null && !n.isEmpty()) {
        out.add(Check.DUPLICATE_COLUMN, file, line, null, "column " + header.get(k)
            + " appears twice (fields " + (first + 1) + " and " + (k + 1) + ")",
            "rename or remove one of them");
      }
    }
  }

  // ---------------------------------------------------------------- across files

  private static final String[][] CITIES = {
      {"75056", "Paris", "75101-75120"},
      {"69123", "Lyon", "69381-69389"},
      {"13055", "Marseille", "13201-13216"}};

  /** Reports a municipality given both whole and by arrondissement in one file. */
  private static void wholeAndArrondissements(Collector out, String file,
      Map<String, Long> codes) {
    for (String[] city : CITIES) {
      Long whole = codes.get(city[0]);
      if (whole == null) {
        continue;
      }
      TreeSet<String> parts = new TreeSet<>();
      for (String c : codes.keySet()) {
        if (city[0].equals(Arrondissements.municipalityOf(c))) {
          parts.add(c);
        }
      }
      if (!parts.isEmpty()) {
        out.add(Check.ARRONDISSEMENTS_AND_WHOLE, file, whole, city[0] + " and "
            + firstCodes(new ArrayList<>(parts)), city[1] + " is given both as a whole and by"
            + " arrondissement", "give the arrondissements " + city[2] + " only, as DREES does"
            + " (the whole would be counted twice)");
      }
    }
  }

  private void acrossFiles(Collector out, Map<String, Double> pop, Set<String> timesCodes) {
    String file = population.toString();
    boolean any = false;
    List<String> absent = new ArrayList<>();
    for (String c : new TreeSet<>(pop.keySet())) {
      if (invalidCode(c)) {
        continue; // Already an error of its own.
      }
      if (timesCodes.contains(c)) {
        any = true;
      } else {
        absent.add(c);
      }
    }
    // Paris, Lyon and Marseille first: whole in one file and by arrondissement in the other is
    // the likely reason why communes are missing, and the message that says what to do.
    boolean cityMismatch = false;
    Set<String> citiesHere = citiesByArrondissement(pop.keySet());
    for (String[] city : citiesSplitDifferently(pop.keySet(), timesCodes)) {
      boolean partsHere = citiesHere.contains(city[0]);
      cityMismatch = true;
      out.add(Check.ARRONDISSEMENTS_AND_WHOLE, file, 0, city[0], city[1] + " is given "
          + (partsHere ? "by arrondissement here and as " + city[0] + " in " + times
              : "as " + city[0] + " here and by arrondissement in " + times),
          "give every file by arrondissement (" + city[2] + "), as DREES does");
      absent.removeIf(c -> city[0].equals(c) || city[0].equals(
          Arrondissements.municipalityOf(c)));
    }
    if (!any && !absent.isEmpty()) {
      out.add(Check.NO_COMMON_COMMUNE, file, 0, firstCodes(absent), "no commune of this file"
          + " is in " + times, "check that both files use the same codes and commune geography"
          + " (--cog-map)");
      return;
    }
    if (!any && !cityMismatch) {
      return;
    }
    if (!absent.isEmpty()) {
      out.add(Check.POPULATION_NOT_IN_TIMES, file, 0, firstCodes(absent),
          communes(absent.size()) + " not in " + times, "a commune absent from the times reaches only"
          + " itself, at 0 minutes; check that both files use the same commune geography"
          + " (--cog-map)");
    }
  }

  private void unreached(Collector out, Path file, Map<String, Double> supplied,
      Map<String, Double> pop, Set<String> reached) {
    boolean selfInReach = decay.weight(0) > 0;
    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, Double> e : new TreeMap<>(supplied).entrySet()) {
      Double p = pop.get(e.getKey());
      boolean self = selfInReach && p != null && p > 0;
      boolean invalid = invalidCode(e.getKey());
      if (!invalid && e.getValue() > 0 && !self && !reached.contains(e.getKey())) {
        lost.add(e.getKey());
      }
    }
    if (!lost.isEmpty()) {
      out.add(Check.SUPPLY_UNREACHED, file.toString(), 0, firstCodes(lost),
          (lost.size() == 1 ? "1 commune with supply is" : lost.size()
              + " communes with supply are") + " reached by no populated commune",
          "their supply is left out; check their codes, the times table and the commune"
          + " geography (--cog-map)");
    }
  }

  /** Returns "1 commune is" or "N communes are". */
  static String communes(long n) {
    return n == 1 ? "1 commune is" : n + " communes are";
  }

  /** Returns the first ten codes separated by spaces, then "..." when there are more. */
  static String firstCodes(List<String> codes) {
    int shown = Math.min(10, codes.size());
    return String.join(" ", codes.subList(0, shown)) + (codes.size() > shown ? " ..." : "");
  }
}

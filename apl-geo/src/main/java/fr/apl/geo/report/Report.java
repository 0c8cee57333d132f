package fr.apl.geo.report;

import fr.apl.commune.Arrondissements;
import fr.apl.commune.CodeHistory;
import fr.apl.geo.CommuneShapes;
import fr.apl.geo.MapClasses;
import fr.apl.geo.ResultTable;
import fr.apl.geo.map.ChoroplethMap;
import fr.apl.geo.map.CommuneMap;
import fr.apl.io.csv.CsvReader;
import fr.apl.io.csv.InputException;
import fr.apl.place.CommuneValues;
import fr.apl.zoning.AreaFigures;
import fr.apl.zoning.Figures;
import fr.apl.zoning.QuantileClasses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * Builds the HTML report of a result table: one self-contained file (no script, font, style
 * sheet or image fetched; the maps and the histogram are inline SVG) that opens from disk and
 * prints on A4. It holds, in the language asked (French or English):
 *
 * <ol>
 *   <li>the sentences of the ARS slides, "N habitants dans M communes ont moins de 2,5
 *       consultations par an ; K communes sous 1", for the whole territory and each department,
 *       and the same for the foreseeable view (the APL without doctors aged 65 or more, from the
 *       capped column), with a table by department;
 *   <li>the choropleth of the column in the DREES classes [0; 2.5[, [2.5; 4[, [4; +∞[, and of
 *       the capped column;
 *   <li>the population-weighted distribution of APL with the 2.5 and 4 lines;
 *   <li>the 10 least and 10 best served inhabited communes, with their names;
 *   <li>the zoning classes (counts and population), when a zoning table is given;
 *   <li>each scenario column: before and after maps of the departments it changes, and the
 *       communes that change class;
 *   <li>the parameters, the input files with their size and sha256, and the notes of the map
 *       join.
 * </ol>
 *
 * <p>The figures are those of {@code apl zoning --figures}, computed by the same {@link
 * Figures#byArea}: communes strictly below 1, 2.5 and 4 and their inhabitants, the mean and
 * deciles weighted by inhabitants. Inhabitants are the resident population ({@code residents},
 * or a DREES file's {@code pop_totale}) when the table has it, else the standardised population
 * ({@code population}); the report says which. A commune of the territory without a value is
 * left out of the figures, counted and named in the notes.
 *
 * <p>The territory is the departments asked, or every department of the table; the department
 * of a commune is the start of its code ({@link CommuneMap#department}).
 *
 * <p>Built once, then immutable; {@link #writeHtml} may be called any number of times. Building
 * reads the input files once more for their sha256 and draws every map (France: some seconds,
 * the maps some 30 MB of SVG each).
 */
public final class Report {

  /** The columns taken as inhabitants, first found first: zoning's own order. */
  static final List<String> WEIGHT_COLUMNS =
      List.of("residents", "pop_totale", "population_totale", "population", "pop_standardisee");

  /** Resident population columns (the others are standardised populations). */
  private static final Set<String> RESIDENT_COLUMNS =
      Set.of("residents", "pop_totale", "population_totale");

  /** Rows of the least and best served tables. */
  static final int EXTREMES = 10;

  /** Rows of a scenario's class changes shown before "… and N more". */
  static final int MAX_CHANGES = 200;

  /** Relative difference above which a scenario changes a commune's APL (rounding is below). */
  private static final double CHANGE = 1e-9;

  private static final Pattern CAPPED = Pattern.compile("(?i).*_moins(\\d+)");

  /**
   * Names an input file to describe in the report.
   *
   * @param role what the file is, e.g. {@code --values}
   * @param file the file, read for its size and sha256
   */
  public record InputFile(String role, Path file) {}

  /**
   * What to report.
   *
   * @param values the result table ({@code apl compute} output), non-null; an empty cell is a
   *     commune without a value (left out of the figures, named in the notes); an empty
   *     inhabitants cell counts 0
   * @param shapes the commune polygons (WGS84), non-null
   * @param history code history for the polygons (merged communes), non-null
   * @param outlines outlines drawn over the maps (departments, WGS84), or null for the
   *     departments dissolved from the communes (up to 5 000 communes)
   * @param column the APL column, e.g. {@code apl}
   * @param cappedColumn the age-capped column of the foreseeable view, e.g. {@code
   *     apl_moins65}, or null for none
   * @param zoning the territory or commune table of {@code apl zoning}, or null
   * @param departments the department codes of the territory, non-null; empty for every
   *     department of the values
   * @param lang {@code fr} or {@code en}
   * @param title the report's title, or null for one naming the territory
   * @param estimates true to say that the values come from the estimated sample inputs
   * @param inputs the files to list with their size and sha256, in order, non-null
   * @param generator the program and version that made the report, e.g. {@code apl 0.1.0},
   *     non-null
   */
  public record Request(
      ResultTable values,
      CommuneShapes shapes,
      CodeHistory history,
      List<Geometry> outlines,
      String column,
      String cappedColumn,
      Path zoning,
      Set<String> departments,
      String lang,
      String title,
      boolean estimates,
      List<InputFile> inputs,
      String generator) {}

  /**
   * One sentence of the report.
   *
   * @param column the column it is about (the APL column or the capped one)
   * @param level {@code territory} or {@code department}
   * @param area the area's code: {@code T} for the territory, else the department's
   * @param label what the sentence is about: the area's name, e.g. {@code Haute-Loire (43)},
   *     followed for the capped column by the doctors left out ({@code Haute-Loire (43), sans les
   *     médecins de 65 ans ou plus})
   * @param text the sentence, e.g. {@code 12 122 habitants dans 53 communes ont moins de 2,5
   *     consultations par an (5,3 % de la population) ; 8 communes sous 1 (2 739 habitants).}
   */
  public record Sentence(String column, String level, String area, String label, String text) {}

  /** A commune of the least and best served tables. */
  record Row(String code, String name, double value, double capped, double weight) {}

  /** A commune that a scenario moves to another class. */
  record Change(String code, String name, double before, double after, double weight) {}

  /** A zoning class: its territories, communes (commune table) and population. */
  static final class ZoningClass {
    int territories;
    int communes;
    double population;
    final Set<String> territoryCodes = new java.util.HashSet<>();
  }

  /** The zoning table read. */
  record Zoning(Path file, boolean communes, Map<String, ZoningClass> classes, ChoroplethMap map) {}

  /** A scenario column and what it changes. */
  record Scenario(
      String column,
      List<AreaFigures> figures,
      int changed,
      SortedSet<String> departments,
      ChoroplethMap before,
      ChoroplethMap after,
      List<Change> changes) {}

  /** An input file's facts. */
  record FileFacts(String role, String name, long size, String sha256) {}

  private final Request request;
  private final ReportWords words;
  private final String weightColumn;
  private final String cappedColumn;
  private final SortedSet<String> departments;
  private final Map<String, String> departmentNames;
  private final List<AreaFigures> figures;
  private final List<AreaFigures> cappedFigures;
  private final List<Sentence> sentences;
  private final ChoroplethMap map;
  private final ChoroplethMap cappedMap;
  private final int drawn;
  private final List<String> notes;
  private final double[] histogramValues;
  private final double[] histogramWeights;
  private final List<Row> lowest;
  private final List<Row> highest;
  private final Zoning zoning;
  private final List<Scenario> scenarios;
  private final List<FileFacts> files;

  private Report(Request r) throws IOException {
    this.request = r;
    if (!"fr".equals(r.lang()) && !"en".equals(r.lang())) {
      throw new IllegalArgumentException("the language must be fr or en, given: " + r.lang());
    }
    this.words = new ReportWords("fr".equals(r.lang()));
    ResultTable values = r.values();
    String weight = null;
    for (String w : WEIGHT_COLUMNS) {
      if (weight == null && values.column(w) >= 0) {
        weight = values.header().get(values.column(w));
      }
    }
    if (weight == null) {
      throw new InputException(
          values.source(),
          1,
          "no inhabitants column: expected one of " + String.join(", ", WEIGHT_COLUMNS)
              + " (the columns: " + String.join(", ", values.header()) + ")");
    }
    this.weightColumn = weight;
    this.cappedColumn = r.cappedColumn();
    this.departmentNames = departmentNames();
    SortedSet<String> present = new TreeSet<>();
    for (String code : values.codes()) {
      present.add(CommuneMap.department(code));
    }
    if (r.departments().isEmpty()) {
      this.departments = Collections.unmodifiableSortedSet(present);
    } else {
      SortedSet<String> d = new TreeSet<>();
      for (String dep : r.departments()) {
        if (!present.contains(dep)) {
          throw new IllegalArgumentException(
              "no commune of department " + dep + " in " + values.source());
        }
        d.add(dep);
      }
      this.departments = Collections.unmodifiableSortedSet(d);
    }
    List<String> codes = new ArrayList<>();
    for (String code : values.codes()) {
      if (departments.contains(CommuneMap.department(code))) {
        codes.add(code);
      }
    }
    SortedMap<String, Double> v = values.numbers(r.column());
    SortedMap<String, Double> w = values.numbers(weightColumn);
    SortedMap<String, Double> c = cappedColumn == null ? null : values.numbers(cappedColumn);
    CommuneValues.Builder wb = CommuneValues.builder();
    List<String> noWeight = new ArrayList<>();
    for (String code : codes) {
      double x = w.get(code);
      if (Double.isNaN(x)) {
        noWeight.add(code);
      }
      wb.add(code, Double.isFinite(x) ? x : 0);
    }
    CommuneValues weights = wb.build();
    List<String> notes = new ArrayList<>();
    if (!noWeight.isEmpty()) {
      notes.add(words.t(
          ReportText.WEIGHTS_MISSING,
          words.integer(noWeight.size()),
          weightColumn,
          examples(noWeight)));
    }
    List<String> missing = new ArrayList<>();
    this.figures = figures(r.column(), codes, v, weights, missing);
    if (!missing.isEmpty()) {
      notes.add(words.t(
          ReportText.COMMUNES_WITHOUT_VALUE,
          words.integer(missing.size()),
          r.column(),
          examples(missing)));
    }
    List<String> missingCapped = new ArrayList<>();
    this.cappedFigures =
        c == null ? List.of() : figures(cappedColumn, codes, c, weights, missingCapped);
    if (!missingCapped.isEmpty()) {
      notes.add(words.t(
          ReportText.COMMUNES_WITHOUT_VALUE,
          words.integer(missingCapped.size()),
          cappedColumn,
          examples(missingCapped)));
    }
    List<Sentence> s = new ArrayList<>();
    for (AreaFigures a : figures) {
      s.add(new Sentence(r.column(), a.level(), a.code(), areaName(a), sentence(a, null, words)));
    }
    for (AreaFigures a : cappedFigures) {
      Matcher m = CAPPED.matcher(cappedColumn);
      String label = m.matches()
          ? words.t(ReportText.CAPPED_VIEW, areaName(a), m.group(1))
          : words.t(ReportText.CAPPED_COLUMN_VIEW, areaName(a), cappedColumn);
      s.add(
          new Sentence(cappedColumn, a.level(), a.code(), label, sentence(a, cappedColumn, words)));
    }
    this.sentences = List.copyOf(s);

    // The maps: the polygons are brought to the current geography once for all of them.
    CommuneShapes current = r.shapes().current(r.history());
    List<String> joinNotes = new ArrayList<>();
    if (current != r.shapes()) {
      joinNotes.add(String.format(
          Locale.ROOT,
          "%d polygons of merged communes dissolved into their current commune",
          r.shapes().byCode().size() - current.byCode().size()));
    }
    CommuneMap.Result main = CommuneMap.build(
        current,
        mapRequest(values, r.column(), departments, words.t(ReportText.MAP_TITLE, territory())));
    joinNotes.addAll(main.notes());
    for (String n : joinNotes) {
      notes.add(translate(n));
    }
    this.notes = List.copyOf(notes);
    this.map = main.map();
    this.drawn = main.drawn();
    this.cappedMap = cappedColumn == null
        ? null
        : CommuneMap.build(current, mapRequest(values, cappedColumn, departments, cappedTitle()))
            .map();

    // Histogram and extremes over the territory's communes with a value.
    List<Row> rows = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (String code : codes) {
      double x = v.get(code);
      if (!Double.isNaN(x)) {
        String name = name(current, code);
        names.put(code, name);
        rows.add(new Row(code, name, x, c == null ? Double.NaN : c.get(code), weights.get(code)));
      }
    }
    this.histogramValues = new double[rows.size()];
    this.histogramWeights = new double[rows.size()];
    for (int k = 0; k < rows.size(); k++) {
      histogramValues[k] = rows.get(k).value();
      histogramWeights[k] = rows.get(k).weight();
    }
    List<Row> inhabited = new ArrayList<>();
    for (Row row : rows) {
      if (row.weight() > 0) {
        inhabited.add(row);
      }
    }
    List<Row> up = new ArrayList<>(inhabited);
    up.sort((a, b) -> a.value() != b.value()
        ? Double.compare(a.value(), b.value())
        : a.weight() != b.weight()
            ? Double.compare(b.weight(), a.weight())
            : a.code().compareTo(b.code()));
    this.lowest = List.copyOf(up.subList(0, Math.min(EXTREMES, up.size())));
    List<Row> down = new ArrayList<>(inhabited);
    down.sort((a, b) -> a.value() != b.value()
        ? Double.compare(b.value(), a.value())
        : a.weight() != b.weight()
            ? Double.compare(b.weight(), a.weight())
            : a.code().compareTo(b.code()));
    this.highest = List.copyOf(down.subList(0, Math.min(EXTREMES, down.size())));

    this.zoning = r.zoning() == null ? null : zoning(r.zoning(), codes, weights, current);

    List<Scenario> sc = new ArrayList<>();
    for (String col : scenarioColumns(values, r.column(), cappedColumn)) {
      sc.add(scenario(col, codes, v, values.numbers(col), weights, current, names));
    }
    this.scenarios = List.copyOf(sc);

    List<FileFacts> f = new ArrayList<>();
    for (InputFile in : r.inputs()) {
      f.add(new FileFacts(
          in.role(), in.file().getFileName().toString(), Files.size(in.file()), sha256(in.file())));
    }
    this.files = List.copyOf(f);
  }

  /**
   * Builds the report: reads nothing but the input files' bytes (for their sha256) and the
   * zoning table; everything else comes from the request.
   *
   * @param request what to report, non-null
   * @return the report, ready to write
   * @throws IOException when an input file or the zoning table cannot be read
   * @throws InputException when a column is absent or holds a non-number, the values have no
   *     inhabitants column, or the zoning table has no class column
   * @throws IllegalArgumentException when a department asked has no commune in the values, the
   *     language is neither fr nor en, or no commune is left to draw
   */
  public static Report build(Request request) throws IOException {
    return new Report(request);
  }

  /** {@return the sentences: the column's (territory, then each department), then the capped} */
  public List<Sentence> sentences() {
    return sentences;
  }

  /** {@return the figures of the column: the territory's, then each department's} */
  public List<AreaFigures> figures() {
    return figures;
  }

  /** {@return the figures of the capped column, as {@link #figures()}; empty without one} */
  public List<AreaFigures> cappedFigures() {
    return cappedFigures;
  }

  /** {@return the column counted as inhabitants, e.g. {@code residents}} */
  public String weightColumn() {
    return weightColumn;
  }

  /** {@return the departments of the territory, in code order} */
  public SortedSet<String> departments() {
    return departments;
  }

  /** {@return the scenario columns reported, in table order} */
  public List<String> scenarioColumns() {
    List<String> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      out.add(s.column());
    }
    return out;
  }

  /** {@return the number of communes drawn on the main map} */
  public int drawn() {
    return drawn;
  }

  /** {@return the number of maps in the report} */
  public int maps() {
    int n = 1 + (cappedMap == null ? 0 : 1) + (zoning != null && zoning.map() != null ? 1 : 0);
    for (Scenario s : scenarios) {
      n += s.before() == null ? 0 : 2;
    }
    return n;
  }

  /**
   * {@return the notes, in the report's language: communes without a value, and what the join
   * of the values to the polygons found (communes without a polygon, merged communes…)}
   */
  public List<String> notes() {
    return notes;
  }

  // ------------------------------------------------------------------------------- figures

  /** Figures of one column over the territory and each department; missing gets the NaN ones. */
  private List<AreaFigures> figures(
      String column,
      List<String> codes,
      SortedMap<String, Double> values,
      CommuneValues weights,
      List<String> missing) {
    CommuneValues.Builder b = CommuneValues.builder();
    Map<String, String> territory = new TreeMap<>();
    Map<String, String> department = new TreeMap<>();
    for (String code : codes) {
      double x = values.get(code);
      if (Double.isNaN(x)) {
        missing.add(code);
        continue;
      }
      b.add(code, x);
      territory.put(code, "T");
      department.put(code, CommuneMap.department(code));
    }
    CommuneValues cv = b.build();
    if (cv.size() == 0) {
      throw new IllegalArgumentException(
          "no commune of the departments " + departments + " has a value of " + column);
    }
    Map<String, CommuneValues> variants = Map.of(column, cv);
    List<AreaFigures> out = new ArrayList<>(
        Figures.byArea("territory", territory, variants, weights, Map.of(), List.of()));
    out.addAll(Figures.byArea("department", department, variants, weights, Map.of(), List.of()));
    return List.copyOf(out);
  }

  /**
   * Returns the ARS sentence of an area: "12 122 habitants dans 53 communes ont moins de 2,5
   * consultations par an (5,3 % de la population) ; 8 communes sous 1 (2 739 habitants)."
   *
   * @param a the area's figures (one variant)
   * @param capped the capped column (the sentence is then conditional), or null
   * @param words the language
   */
  static String sentence(AreaFigures a, String capped, ReportWords words) {
    AreaFigures.VariantFigures v = a.variants().get(0);
    int one = index(v.thresholds(), 1.0);
    int two = index(v.thresholds(), 2.5);
    StringBuilder s = new StringBuilder();
    int n25 = v.communesBelow()[two];
    if (n25 == 0) {
      s.append(words.t(
          capped == null ? ReportText.NO_COMMUNE_BELOW : ReportText.NO_COMMUNE_WOULD_BE_BELOW));
      return s.toString();
    }
    double p25 = v.populationBelow()[two];
    boolean singular = words.singular(p25);
    ReportText verb = capped == null
        ? (singular ? ReportText.HAVE_ONE : ReportText.HAVE_MANY)
        : (singular ? ReportText.WOULD_HAVE_ONE : ReportText.WOULD_HAVE_MANY);
    s.append(words.t(
        ReportText.BELOW_25,
        words.count(p25, ReportText.INHABITANT, ReportText.INHABITANTS),
        words.count(n25, ReportText.COMMUNE, ReportText.COMMUNES),
        words.t(verb),
        words.percent(v.shareBelow(two, a.population()))));
    int n1 = v.communesBelow()[one];
    if (n1 == 0) {
      s.append(words.t(ReportText.NONE_BELOW_1));
    } else {
      s.append(words.t(
          ReportText.BELOW_1,
          words.count(n1, ReportText.COMMUNE, ReportText.COMMUNES),
          words.count(v.populationBelow()[one], ReportText.INHABITANT, ReportText.INHABITANTS)));
    }
    return s.toString();
  }

  private static int index(double[] thresholds, double t) {
    for (int k = 0; k < thresholds.length; k++) {
      if (thresholds[k] == t) {
        return k;
      }
    }
    throw new IllegalStateException("no threshold " + t + " in the figures");
  }

  // ---------------------------------------------------------------------------------- names

  /** Department names by code, from the bundled list (IGN Admin Express, Etalab 2.0). */
  private static Map<String, String> departmentNames() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = Report.class.getResourceAsStream("departements.csv")) {
      if (in == null) {
        // A packaging bug, not a user's mistake: fail loudly rather than print bare codes.
        throw new IllegalStateException(
            "the bundled list departements.csv is missing from the" + " jar (fr/apl/geo/report/)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        int comma = line.indexOf(',');
        if (comma > 0) {
          out.put(line.substring(0, comma), line.substring(comma + 1));
        }
      }
    }
    return out;
  }

  /** {@return a department as "Haute-Loire (43)", or its code alone when unknown} */
  String departmentName(String code) {
    String n = departmentNames.get(code);
    return n == null ? code : n + " (" + code + ")";
  }

  private String areaName(AreaFigures a) {
    return a.level().equals("territory") ? territory() : departmentName(a.code());
  }

  /** {@return the territory's name: its department, or a count of departments} */
  private String territory() {
    if (departments.size() == 1) {
      return departmentName(departments.first());
    }
    if (departments.size() >= 90) {
      return words.t(ReportText.TITLE_ALL, departments.size());
    }
    return words.t(ReportText.TITLE_DEPARTMENTS, departments.size());
  }

  /** {@return the name of a commune from the polygons; an arrondissement from its city's} */
  private String name(CommuneShapes current, String code) {
    CommuneShapes.Shape s = current.byCode().get(code);
    if (s != null && s.name() != null) {
      return s.name();
    }
    String city = Arrondissements.municipalityOf(code);
    if (city == null) {
      return null;
    }
    CommuneShapes.Shape cs = current.byCode().get(city);
    String cityName = cs != null && cs.name() != null ? cs.name() : null;
    int first = 0;
    for (Arrondissements.City c : Arrondissements.CITIES) {
      if (c.code().equals(city)) {
        cityName = cityName == null ? c.name() : cityName;
        first = Integer.parseInt(c.arrondissements().substring(0, 5));
      }
    }
    int n = Integer.parseInt(code) - first + 1;
    return words.t(
        ReportText.ARRONDISSEMENT,
        cityName,
        n == 1 ? words.t(ReportText.FIRST) : words.t(ReportText.NTH, n));
  }

  // ----------------------------------------------------------------------------------- maps

  private CommuneMap.Request mapRequest(
      ResultTable table, String column, Set<String> deps, String title) {
    return new CommuneMap.Request(
        table,
        column,
        null,
        false,
        null,
        MapClasses.drees(),
        weightColumn,
        deps,
        null,
        request.outlines(),
        request.history(),
        title,
        words.t(ReportText.LEGEND),
        List.of(words.t(ReportText.MAP_SOURCE)),
        request.lang());
  }

  private String cappedTitle() {
    Matcher m = CAPPED.matcher(cappedColumn);
    return m.matches()
        ? words.t(ReportText.CAPPED_MAP_TITLE, m.group(1))
        : words.t(ReportText.CAPPED_COLUMN_MAP_TITLE, cappedColumn);
  }

  /**
   * Returns the scenario columns: those starting with the column's name and an underscore, but
   * the age-capped ones ({@code _moinsNN}) and the compared age weights ({@code _weights…}).
   */
  static List<String> scenarioColumns(ResultTable values, String column, String capped) {
    List<String> out = new ArrayList<>();
    String prefix = column.toLowerCase(Locale.ROOT) + "_";
    for (String h : values.header()) {
      String l = h.toLowerCase(Locale.ROOT);
      if (l.startsWith(prefix)
          && l.length() > prefix.length()
          && !h.equalsIgnoreCase(capped)
          && !l.substring(prefix.length()).matches("moins\\d+")
          && !l.substring(prefix.length()).startsWith("weights")) {
        out.add(h);
      }
    }
    return out;
  }

  /** Translates a note of CommuneMap's (in English) when the report is in French. */
  String translate(String note) {
    if (!words.french()) {
      return note;
    }
    // Each form: CommuneMap's English, the French, the group holding a count (0: none).
    Object[][] forms = {
      {
        "(\\d+) polygons of merged communes dissolved into their current commune",
        ReportText.NOTE_DISSOLVED,
        1
      },
      {
        "(\\S+): shown on the whole city, the (\\S+) of its arrondissements weighted by (.+)",
        ReportText.NOTE_CITY,
        0
      },
      {"(\\d+) communes drawn without a value \\(hatched\\): (.*)", ReportText.NOTE_NO_VALUE, 1},
      {
        "(\\d+) communes of (.+) have no polygon \\(not drawn\\): (.*)",
        ReportText.NOTE_NO_POLYGON,
        1
      },
      {"(\\d+) features of (.+) left out: (.*)", ReportText.NOTE_LEFT_OUT, 1},
      {
        "no department outlines: (\\d+) communes are too many to dissolve quickly; give the"
            + " departments' polygons as outlines",
        ReportText.NOTE_NO_OUTLINES,
        1
      },
    };
    for (Object[] f : forms) {
      Matcher m = Pattern.compile((String) f[0]).matcher(note);
      if (m.matches()) {
        Object[] groups = new Object[m.groupCount()];
        for (int g = 0; g < groups.length; g++) {
          groups[g] = g + 1 == (Integer) f[2]
              ? words.integer(Long.parseLong(m.group(g + 1)))
              : m.group(g + 1);
        }
        return words.t((ReportText) f[1], groups);
      }
    }
    return note;
  }

  private static String examples(List<String> codes) {
    List<String> first = codes.subList(0, Math.min(10, codes.size()));
    return String.join(" ", first) + (codes.size() > first.size() ? " …" : "");
  }

  // --------------------------------------------------------------------------------- zoning

  /** The class orders of the zoning rules, least served first. */
  private static final List<List<String>> CLASS_ORDERS =
      List.of(List.of("zip", "zac", "vivier", "hors_zonage"), QuantileClasses.FIVE_CLASSES);

  private Zoning zoning(Path file, List<String> codes, CommuneValues weights, CommuneShapes current)
      throws IOException {
    List<String> header;
    try (CsvReader csv = CsvReader.open(file)) {
      header = csv.header();
    }
    String classColumn = null;
    for (String name : List.of("final_class", "class")) {
      for (String h : header) {
        if (classColumn == null && h.equalsIgnoreCase(name)) {
          classColumn = h;
        }
      }
    }
    if (classColumn == null) {
      throw new InputException(
          file.toString(),
          1,
          "no class column (final_class or class): give the territory table (--output) or the"
              + " commune table (--communes) of apl zoning; header is: "
              + String.join(",", header));
    }
    Map<String, ZoningClass> classes = new LinkedHashMap<>();
    boolean communes = false;
    for (String h : header) {
      communes |= List.of("commune", "code_commune", "codgeo", "code_insee", "insee_com")
          .contains(h.toLowerCase(Locale.ROOT));
    }
    ChoroplethMap zoningMap = null;
    if (communes) {
      ResultTable z = ResultTable.read(file);
      SortedMap<String, String> cls = z.text(classColumn);
      SortedMap<String, String> terr = z.column("territory") >= 0 ? z.text("territory") : null;
      Set<String> kept = new java.util.HashSet<>(codes);
      for (Map.Entry<String, String> e : cls.entrySet()) {
        if (!kept.contains(e.getKey())) {
          continue;
        }
        ZoningClass zc = classes.computeIfAbsent(e.getValue(), k -> new ZoningClass());
        zc.communes++;
        zc.population += weights.get(e.getKey());
        if (terr != null && zc.territoryCodes.add(terr.get(e.getKey()))) {
          zc.territories++;
        }
      }
      List<String> order = classOrder(classes.keySet());
      order.remove("");
      if (!order.isEmpty() && order.size() <= 7) {
        zoningMap = CommuneMap.build(
                current,
                new CommuneMap.Request(
                    z,
                    classColumn,
                    null,
                    true,
                    order,
                    null,
                    null,
                    departments,
                    null,
                    request.outlines(),
                    request.history(),
                    words.t(ReportText.ZONING_MAP_TITLE, file.getFileName()),
                    words.t(ReportText.ZONING_LEGEND),
                    List.of(),
                    request.lang()))
            .map();
      }
    } else {
      try (CsvReader csv = CsvReader.open(file)) {
        int t = csv.requireColumn("territory", "territory");
        int p = csv.requireColumn("population", "population");
        int c = csv.column(classColumn);
        List<String> f;
        while ((f = csv.next()) != null) {
          ZoningClass zc = classes.computeIfAbsent(f.get(c).trim(), k -> new ZoningClass());
          if (zc.territoryCodes.add(f.get(t).trim())) {
            zc.territories++;
          }
          double pop = csv.number(f, p, "population");
          zc.population += Double.isFinite(pop) ? pop : 0;
        }
      }
    }
    Map<String, ZoningClass> ordered = new LinkedHashMap<>();
    for (String k : classOrder(classes.keySet())) {
      ordered.put(k, classes.get(k));
    }
    return new Zoning(file, communes, ordered, zoningMap);
  }

  /** {@return the classes in a rule's order when they are of one, else as found; none last} */
  private static List<String> classOrder(Set<String> present) {
    Set<String> named = new LinkedHashSet<>(present);
    boolean none = named.remove("");
    List<String> out = new ArrayList<>();
    for (List<String> order : CLASS_ORDERS) {
      if (out.isEmpty() && order.containsAll(named)) {
        for (String o : order) {
          if (named.contains(o)) {
            out.add(o);
          }
        }
      }
    }
    if (out.isEmpty()) {
      out.addAll(named);
    }
    if (none) {
      out.add("");
    }
    return out;
  }

  // ------------------------------------------------------------------------------ scenarios

  private Scenario scenario(
      String column,
      List<String> codes,
      SortedMap<String, Double> before,
      SortedMap<String, Double> after,
      CommuneValues weights,
      CommuneShapes current,
      Map<String, String> names) {
    MapClasses drees = MapClasses.drees();
    SortedSet<String> deps = new TreeSet<>();
    List<Change> changes = new ArrayList<>();
    int changed = 0;
    for (String code : codes) {
      double b = before.get(code);
      double a = after.get(code);
      if (Double.isNaN(b) || Double.isNaN(a)) {
        continue;
      }
      if (Math.abs(a - b) > CHANGE * Math.max(1, Math.abs(b))) {
        changed++;
        deps.add(CommuneMap.department(code));
        if (drees.classOf(a) != drees.classOf(b)) {
          changes.add(new Change(code, names.get(code), b, a, weights.get(code)));
        }
      }
    }
    List<AreaFigures> f = figures(column, codes, after, weights, new ArrayList<>());
    ChoroplethMap beforeMap = null;
    ChoroplethMap afterMap = null;
    if (!deps.isEmpty()) {
      beforeMap = CommuneMap.build(
              current,
              mapRequest(
                  request.values(),
                  request.column(),
                  deps,
                  words.t(ReportText.BEFORE_MAP_TITLE, request.column())))
          .map();
      afterMap = CommuneMap.build(
              current,
              mapRequest(
                  request.values(), column, deps, words.t(ReportText.AFTER_MAP_TITLE, column)))
          .map();
    }
    return new Scenario(
        column, f, changed, Collections.unmodifiableSortedSet(deps), beforeMap, afterMap, changes);
  }

  // ---------------------------------------------------------------------------------- files

  /** {@return the sha256 of a file, in lower-case hex} */
  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    StringBuilder b = new StringBuilder(64);
    for (byte x : md.digest()) {
      b.append(String.format(Locale.ROOT, "%02x", x & 0xff));
    }
    return b.toString();
  }

  // ----------------------------------------------------------------------------------- HTML

  /**
   * Writes the report: an HTML5 document, UTF-8, with its style sheet (screen and A4 print)
   * inline and no script.
   *
   * @param out where to write (UTF-8 expected); flushed, not closed
   * @throws IOException when writing fails
   */
  public void writeHtml(Writer out) throws IOException {
    new ReportHtml(this, out).write();
    out.flush();
  }

  // Accessors for ReportHtml, which lays the parts out.

  ReportWords words() {
    return words;
  }

  Request request() {
    return request;
  }

  String cappedColumn() {
    return cappedColumn;
  }

  String title() {
    return request.title() != null
        ? request.title()
        : words.t(ReportText.TITLE) + " — " + territory();
  }

  ChoroplethMap map() {
    return map;
  }

  ChoroplethMap cappedMap() {
    return cappedMap;
  }

  boolean residents() {
    return RESIDENT_COLUMNS.contains(weightColumn.toLowerCase(Locale.ROOT));
  }

  /** {@return the age of the capped column (65 for apl_moins65), or null} */
  String cappedAge() {
    if (cappedColumn == null) {
      return null;
    }
    Matcher m = CAPPED.matcher(cappedColumn);
    return m.matches() ? m.group(1) : null;
  }

  double[] histogramValues() {
    return histogramValues;
  }

  double[] histogramWeights() {
    return histogramWeights;
  }

  List<Row> lowest() {
    return lowest;
  }

  List<Row> highest() {
    return highest;
  }

  Zoning zoning() {
    return zoning;
  }

  List<Scenario> scenarios() {
    return scenarios;
  }

  List<FileFacts> files() {
    return files;
  }
}

package fr.apl.io.csv;

import fr.apl.place.CommuneValues;
import fr.apl.zoning.AreaFigures;
import fr.apl.zoning.TerritoryMap;
import fr.apl.zoning.ZonedTerritory;
import fr.apl.zoning.Zoning;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the inputs of a zoning (commune APL table, territory table, ceilings, forced classes, a
 * previous zoning) and writes its outputs (territory table, commune table, figures, JSON).
 *
 * <p>Outputs are byte-identical for the same inputs: rows in code order, numbers with the digits
 * that round-trip ({@link CsvDialect}), {@code \n} line ends. Text fields that a spreadsheet would
 * run as a formula (starting with {@code = + - @}) are written with a leading apostrophe.
 */
public final class ZoningCsv {

  private ZoningCsv() {}

  /**
   * Holds the commune table of a zoning input.
   *
   * @param columns values of each requested column, by column name, in the order requested
   * @param header the file's header
   */
  public record CommuneTable(Map<String, CommuneValues> columns, List<String> header) {}

  /**
   * Reads numeric columns of a commune table ({@code apl compute} output, or a DREES file).
   * Missing optional columns are left out of the result.
   *
   * @param path the commune table, CSV plain or gzip, non-null
   * @param communeColumn commune column name, or null for {@code commune} / {@code CODGEO} / …
   * @param required column names that must be there (compared ignoring case), non-null
   * @param optional column names taken when present, non-null (may be empty)
   * @return the values of each column found, by the name as requested, required columns first;
   *     every value finite and &gt;= 0
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException on a missing column, a bad number (not a number, negative or
   *     infinite), an empty or repeated commune, or no commune below the header
   */
  public static CommuneTable readCommuneTable(
      Path path, String communeColumn, List<String> required, List<String> optional)
      throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      int code = communeColumn == null
          ? csv.requireColumn("commune", PopulationCsv.COMMUNE)
          : csv.requireColumn("commune", communeColumn);
      Map<String, Integer> cols = new LinkedHashMap<>();
      for (String r : required) {
        cols.put(r, csv.requireColumn(r, r));
      }
      for (String o : optional) {
        int k = csv.column(o);
        if (k >= 0) {
          cols.put(o, k);
        }
      }
      Map<String, CommuneValues.Builder> builders = new LinkedHashMap<>();
      for (String c : cols.keySet()) {
        builders.put(c, CommuneValues.builder());
      }
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String c = PopulationCsv.commune(csv, f, code, seen);
        for (Map.Entry<String, Integer> e : cols.entrySet()) {
          double v = PopulationCsv.nonNegative(csv, f, e.getValue(), e.getKey());
          builders.get(e.getKey()).add(c, v);
        }
      }
      if (seen.isEmpty()) {
        throw new InputException(csv.source(), 0, "no commune below the header");
      }
      Map<String, CommuneValues> out = new LinkedHashMap<>();
      for (Map.Entry<String, CommuneValues.Builder> e : builders.entrySet()) {
        out.put(e.getKey(), e.getValue().build());
      }
      return new CommuneTable(out, csv.header());
    }
  }

  /**
   * Returns the header of a CSV file (to choose default columns); only the header line is
   * decoded.
   *
   * @param path a CSV file, plain or gzip, non-null
   * @return the header fields, trimmed, in file order; immutable
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException when the file has no header line
   */
  public static List<String> header(Path path) throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      return csv.header();
    }
  }

  /**
   * Holds a territory table: territory (and region) of each commune, and the department when the
   * table gives one.
   *
   * @param map territory and region by commune
   * @param departments department by commune (empty when the table has no department column)
   */
  public record Territories(TerritoryMap map, Map<String, String> departments) {}

  /**
   * Reads a territory table {@code commune,territory[,region][,department]}.
   *
   * @param path the territory table, CSV plain or gzip, non-null
   * @param communeColumn commune column, or null for {@code commune} / {@code CODGEO} / …
   * @param territoryColumn territory column name, e.g. {@code territory}, {@code BV2012}
   * @param regionColumn region column name, or null to take {@code region} / {@code REG} if there
   * @param departmentColumn department column name, or null to take {@code department} /
   *     {@code DEP} if there
   * @return the territory (and region, when the table gives them) of each commune listed, and the
   *     departments given; all in code order
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException on a missing column (a region or department column is required when
   *     named), an empty or repeated commune, an empty territory or region, or no commune below
   *     the header
   */
  public static Territories readTerritories(
      Path path,
      String communeColumn,
      String territoryColumn,
      String regionColumn,
      String departmentColumn)
      throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      int code = communeColumn == null
          ? csv.requireColumn("commune", PopulationCsv.COMMUNE)
          : csv.requireColumn("commune", communeColumn);
      int territory = csv.requireColumn("territory", territoryColumn);
      int region = regionColumn == null
          ? csv.column("region", "reg")
          : csv.requireColumn("region", regionColumn);
      int department = departmentColumn == null
          ? csv.column("department", "departement", "dep")
          : csv.requireColumn("department", departmentColumn);
      Map<String, String> t = new TreeMap<>();
      Map<String, String> r = region < 0 ? null : new TreeMap<>();
      Map<String, String> d = new TreeMap<>();
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String c = PopulationCsv.commune(csv, f, code, seen);
        String tv = f.get(territory).trim();
        if (tv.isEmpty()) {
          throw csv.error("territory of commune " + c + " is empty");
        }
        t.put(c, tv);
        if (r != null) {
          String rv = f.get(region).trim();
          if (rv.isEmpty()) {
            throw csv.error("region of commune " + c + " is empty");
          }
          r.put(c, rv);
        }
        if (department >= 0 && !f.get(department).isBlank()) {
          d.put(c, f.get(department).trim());
        }
      }
      if (t.isEmpty()) {
        throw new InputException(csv.source(), 0, "no commune below the header");
      }
      return new Territories(TerritoryMap.of(t, r), d);
    }
  }

  /**
   * Reads classes forced by decision, {@code territory,class}: columns found by name (in any order,
   * any case; other columns, such as the reason of the decision, are ignored), each class one of
   * the rule's, in any case, returned in the rule's spelling.
   *
   * @param path the table of forced classes, CSV plain or gzip, non-null
   * @param classes the classes of the rule in use, e.g. {@code zip, vivier, hors_zonage}, non-null
   * @return class by territory, in territory order; empty when the file has a header only
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException naming the file and line: a missing column, an empty field, a class
   *     that is not the rule's (the message lists the rule's), a territory given twice
   */
  public static Map<String, String> readForced(Path path, List<String> classes) throws IOException {
    Map<String, String> byLowerCase = new HashMap<>();
    for (String c : classes) {
      byLowerCase.put(c.toLowerCase(Locale.ROOT), c);
    }
    try (CsvReader csv = CsvReader.open(path)) {
      int territory = csv.requireColumn("territory", "territory");
      int cls = csv.requireColumn("class", "class");
      Map<String, String> out = new TreeMap<>();
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String t = f.get(territory).trim();
        String given = f.get(cls).trim();
        if (t.isEmpty()) {
          throw csv.error("territory is empty");
        }
        String c = byLowerCase.get(given.toLowerCase(Locale.ROOT));
        if (c == null) {
          throw csv.error("class of territory " + t + " must be one of the rule's classes "
              + String.join(", ", classes) + ", given: '" + given + "'");
        }
        Long first = seen.putIfAbsent(t, csv.line());
        if (first != null) {
          throw csv.error(t + " is given twice (first at line " + first + ")");
        }
        out.put(t, c);
      }
      return out;
    }
  }

  /**
   * Reads regional ceilings {@code region,zip_share,zac_share}: shares as fractions (0.203) or
   * percentages with a sign (20.3 %).
   *
   * @param path the table of ceilings, CSV plain or gzip, non-null
   * @return {zip, zac} fractions by region, each from 0 to 1, in region order; empty when the file
   *     has a header only
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException on a missing column, an empty or repeated region, or a share that is
   *     not a fraction in [0, 1] or a percentage from 0 to 100
   */
  public static Map<String, double[]> readCeilings(Path path) throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      int region = csv.requireColumn("region", "region", "reg");
      int zip = csv.requireColumn("zip_share", "zip_share", "zip");
      int zac = csv.requireColumn("zac_share", "zac_share", "zac");
      Map<String, double[]> out = new TreeMap<>();
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String r = PopulationCsv.key(csv, f, region, seen, "region");
        out.put(r, new double[] {share(csv, f.get(zip)), share(csv, f.get(zac))});
      }
      return out;
    }
  }

  private static double share(CsvReader csv, String text) {
    String t = text.trim();
    boolean percent = t.endsWith("%");
    double v = Numbers.parse(percent ? t.substring(0, t.length() - 1) : t);
    if (percent) {
      v /= 100;
    }
    if (!(v >= 0 && v <= 1)) {
      throw csv.error(
          "share must be a fraction in [0, 1] or a percentage such as 20.3 %, given: '" + t + "'");
    }
    return v;
  }

  /**
   * Holds a previous territory table: class and APL of each territory.
   *
   * @param classes final class by territory
   * @param apl APL by territory (territories with no APL are absent)
   */
  public record Previous(Map<String, String> classes, Map<String, Double> apl) {}

  /**
   * Reads a territory table written by {@link #writeTerritories} (or any with those columns:
   * {@code territory}, {@code final_class} or else {@code class}, {@code apl}), to compare a zoning
   * with it. The apostrophe written before a formula-like territory or class is taken off.
   *
   * @param path the territory table, CSV plain or gzip, non-null
   * @return the class and APL of each territory, in territory order; an empty cell leaves the
   *     territory out of that map
   * @throws IOException when the file cannot be read ({@link java.nio.file.NoSuchFileException}
   *     when it does not exist)
   * @throws InputException on a missing column, an empty or repeated territory, or an APL that is
   *     not a number
   */
  public static Previous readPrevious(Path path) throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      int t = csv.requireColumn("territory", "territory");
      int c = csv.column("final_class") >= 0
          ? csv.column("final_class")
          : csv.requireColumn("class", "class");
      int a = csv.requireColumn("apl", "apl");
      Map<String, String> classes = new TreeMap<>();
      Map<String, Double> apl = new TreeMap<>();
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      while ((f = csv.next()) != null) {
        String code = unquote(PopulationCsv.key(csv, f, t, seen, "territory"));
        if (!f.get(c).isBlank()) {
          classes.put(code, unquote(f.get(c).trim()));
        }
        if (!f.get(a).isBlank()) {
          apl.put(code, csv.number(f, a, "apl"));
        }
      }
      return new Previous(classes, apl);
    }
  }

  /**
   * Writes the territory table, one row per territory in code order: {@code territory,
   * population, apl, class, forced_class, final_class, region, communes}; territories with no
   * population included. A missing value is an empty cell: the APL (NaN) and rule class of a
   * territory with no population, a forced class where none is, a region the table has not.
   *
   * @param zoning the zoning, non-null
   * @param out where to write, non-null; flushed, not closed
   * @param dialect separator and decimal mark, non-null
   * @throws IOException when the writer fails
   */
  public static void writeTerritories(Zoning zoning, Writer out, CsvDialect dialect)
      throws IOException {
    char s = dialect.separator();
    out.write(String.join(
            String.valueOf(s),
            "territory",
            "population",
            "apl",
            "class",
            "forced_class",
            "final_class",
            "region",
            "communes")
        + "\n");
    StringBuilder line = new StringBuilder();
    for (ZonedTerritory z : zoning.territories()) {
      line.setLength(0);
      line.append(text(z.apl().territory(), s))
          .append(s)
          .append(dialect.number(z.apl().population()))
          .append(s)
          .append(Double.isNaN(z.apl().apl()) ? "" : dialect.number(z.apl().apl()))
          .append(s)
          .append(text(z.ruleClass(), s))
          .append(s)
          .append(text(z.forcedClass(), s))
          .append(s)
          .append(text(z.finalClass(), s))
          .append(s)
          .append(text(z.apl().region(), s))
          .append(s)
          .append(z.apl().communes())
          .append('\n');
      out.write(line.toString());
    }
    out.flush();
  }

  /**
   * Writes the commune table, one row per commune with an APL and a territory, in code order:
   * {@code commune, territory, apl, class} (final class).
   *
   * @param zoning the zoning, non-null
   * @param apl the APL of each commune (the values the zoning was made from), non-null; a
   *     commune it does not list is written 0
   * @param out where to write, non-null; flushed, not closed
   * @param dialect separator and decimal mark, non-null
   * @throws IOException when the writer fails
   */
  public static void writeCommunes(Zoning zoning, CommuneValues apl, Writer out, CsvDialect dialect)
      throws IOException {
    char s = dialect.separator();
    out.write(String.join(String.valueOf(s), "commune", "territory", "apl", "class") + "\n");
    Map<String, String> classes = zoning.communeClasses();
    StringBuilder line = new StringBuilder();
    for (Map.Entry<String, String> e : zoning.aggregation().communeTerritory().entrySet()) {
      line.setLength(0);
      line.append(text(e.getKey(), s))
          .append(s)
          .append(text(e.getValue(), s))
          .append(s)
          .append(dialect.number(apl.get(e.getKey())))
          .append(s)
          .append(text(classes.get(e.getKey()), s))
          .append('\n');
      out.write(line.toString());
    }
    out.flush();
  }

  /**
   * Writes figures, one row per area: level, code, communes, population, then for each variant
   * its mean, deciles D1…D9, and communes, population and share below 1, 2.5 and 4; then, with
   * two variants or more, the difference of each share between the second variant and the first;
   * then the population share of each class. A value that is not defined (NaN: a mean or share
   * of an area with no population) is an empty cell.
   *
   * @param figures the areas, in the order to write them, non-null; all with the variants,
   *     thresholds and classes of the first, which gives the header; nothing, not even a header,
   *     is written when it is empty
   * @param out where to write, non-null; flushed, not closed
   * @param dialect separator and decimal mark, non-null
   * @throws IOException when the writer fails
   */
  public static void writeFigures(List<AreaFigures> figures, Writer out, CsvDialect dialect)
      throws IOException {
    if (figures.isEmpty()) {
      return;
    }
    char s = dialect.separator();
    AreaFigures first = figures.get(0);
    List<String> header = new ArrayList<>(List.of("level", "code", "communes", "population"));
    for (AreaFigures.VariantFigures v : first.variants()) {
      String p = v.variant();
      header.add(p + "_mean");
      for (int q = 1; q <= 9; q++) {
        header.add(p + "_d" + q);
      }
      for (double t : v.thresholds()) {
        String th = threshold(t);
        header.add(p + "_communes_below_" + th);
        header.add(p + "_population_below_" + th);
        header.add(p + "_share_below_" + th);
      }
    }
    List<AreaFigures.VariantFigures> vs = first.variants();
    if (vs.size() > 1) {
      for (double t : vs.get(0).thresholds()) {
        header.add("diff_share_below_" + threshold(t));
      }
    }
    for (String c : first.classShares().keySet()) {
      header.add("share_" + c);
    }
    out.write(String.join(String.valueOf(s), header) + "\n");
    StringBuilder line = new StringBuilder();
    for (AreaFigures a : figures) {
      line.setLength(0);
      line.append(a.level())
          .append(s)
          .append(text(a.code(), s))
          .append(s)
          .append(a.communes())
          .append(s)
          .append(dialect.number(a.population()));
      for (AreaFigures.VariantFigures v : a.variants()) {
        line.append(s).append(num(v.mean(), dialect));
        for (double d : v.deciles()) {
          line.append(s).append(num(d, dialect));
        }
        for (int k = 0; k < v.thresholds().length; k++) {
          line.append(s)
              .append(v.communesBelow()[k])
              .append(s)
              .append(dialect.number(v.populationBelow()[k]))
              .append(s)
              .append(num(v.shareBelow(k, a.population()), dialect));
        }
      }
      if (a.variants().size() > 1) {
        AreaFigures.VariantFigures v0 = a.variants().get(0);
        AreaFigures.VariantFigures v1 = a.variants().get(1);
        for (int k = 0; k < v0.thresholds().length; k++) {
          line.append(s)
              .append(num(
                  v1.shareBelow(k, a.population()) - v0.shareBelow(k, a.population()), dialect));
        }
      }
      for (double share : a.classShares().values()) {
        line.append(s).append(num(share, dialect));
      }
      out.write(line.append('\n').toString());
    }
    out.flush();
  }

  /**
   * Writes the zoning as JSON: rule, weight, territories and communes, in code order, with the
   * fields of {@link #writeTerritories} and {@link #writeCommunes}. Numbers use a decimal point
   * whatever the locale; a missing value is {@code null}.
   *
   * @param zoning the zoning, non-null
   * @param apl the APL of each commune (the values the zoning was made from), non-null; a
   *     commune it does not list is written 0
   * @param weight the name of the population column the communes were weighted with, written as
   *     it is; null writes {@code null}
   * @param out where to write, non-null; flushed, not closed
   * @throws IOException when the writer fails
   */
  public static void writeJson(Zoning zoning, CommuneValues apl, String weight, Writer out)
      throws IOException {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("{\n  \"rule\": ")
        .append(json(zoning.classification().rule()))
        .append(",\n  \"weight\": ")
        .append(json(weight))
        .append(",\n  \"territories\": [");
    boolean firstRow = true;
    for (ZonedTerritory z : zoning.territories()) {
      b.append(firstRow ? "\n" : ",\n");
      firstRow = false;
      b.append("    {\"territory\": ")
          .append(json(z.apl().territory()))
          .append(", \"population\": ")
          .append(CsvDialect.STANDARD.number(z.apl().population()))
          .append(", \"apl\": ")
          .append(
              Double.isNaN(z.apl().apl())
                  ? "null"
                  : CsvDialect.STANDARD.number(z.apl().apl()))
          .append(", \"class\": ")
          .append(json(z.ruleClass()))
          .append(", \"forced_class\": ")
          .append(json(z.forcedClass()))
          .append(", \"final_class\": ")
          .append(json(z.finalClass()))
          .append(", \"region\": ")
          .append(json(z.apl().region()))
          .append(", \"communes\": ")
          .append(z.apl().communes())
          .append('}');
    }
    b.append("\n  ],\n  \"communes\": [");
    Map<String, String> classes = zoning.communeClasses();
    firstRow = true;
    for (Map.Entry<String, String> e : zoning.aggregation().communeTerritory().entrySet()) {
      b.append(firstRow ? "\n" : ",\n");
      firstRow = false;
      b.append("    {\"commune\": ")
          .append(json(e.getKey()))
          .append(", \"territory\": ")
          .append(json(e.getValue()))
          .append(", \"apl\": ")
          .append(CsvDialect.STANDARD.number(apl.get(e.getKey())))
          .append(", \"class\": ")
          .append(json(classes.get(e.getKey())))
          .append('}');
    }
    b.append("\n  ]\n}\n");
    out.write(b.toString());
    out.flush();
  }

  private static String threshold(double t) {
    return t == Math.rint(t) ? Long.toString((long) t) : Double.toString(t);
  }

  private static String num(double v, CsvDialect dialect) {
    return Double.isNaN(v) ? "" : dialect.number(v);
  }

  /** Quotes a text field when needed and neutralises what a spreadsheet would run. */
  static String text(String v, char sep) {
    if (v == null) {
      return "";
    }
    String t = v;
    if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
      t = "'" + t;
    }
    if (t.indexOf(sep) >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0) {
      t = '"' + t.replace("\"", "\"\"") + '"';
    }
    return t;
  }

  private static String unquote(String v) {
    return v.startsWith("'") && v.length() > 1 && "=+-@".indexOf(v.charAt(1)) >= 0
        ? v.substring(1)
        : v;
  }

  private static String json(String v) {
    if (v == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int k = 0; k < v.length(); k++) {
      char c = v.charAt(k);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}

package fr.apl.io.csv;

import fr.apl.place.CommuneValues;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import fr.apl.supply.Supply;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads supply already counted per practice commune: {@code commune,consultations} and optionally
 * {@code consultations_moins65} (and any {@code consultations_moinsNN}): consultations of the
 * doctors younger than NN.
 */
public final class SupplyCsv {

  /** Matches the header of a capped column, the cap in group 1. */
  public static final Pattern CAPPED =
      Pattern.compile("consultations_moins(\\d{1,3})", Pattern.CASE_INSENSITIVE);

  /**
   * Holds the columns of a supply file.
   *
   * @param all supply of all doctors
   * @param underAge supply of the doctors younger than each cap, by cap
   */
  public record Columns(Supply all, SortedMap<Integer, Supply> underAge) {

    /**
     * Makes the map immutable.
     *
     * @param all supply of all doctors
     * @param underAge supply by age cap, non-null; copied in cap order
     */
    public Columns {
      underAge = Collections.unmodifiableSortedMap(new TreeMap<>(underAge));
    }
  }

  private SupplyCsv() {}

  /**
   * Reads a supply file, the first error thrown (with the others).
   *
   * @param path the supply file, CSV plain or gzip
   * @return the supply of all doctors and of each capped column
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static Columns read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads a supply file with the given encoding and column names, as {@link #read(Path)} does.
   *
   * @param path the supply file, CSV plain or gzip
   * @param options encoding and column names, non-null
   * @return the supply of all doctors and of each capped column
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static Columns read(Path path, ReadOptions options) throws IOException {
    return ReadContext.failFast(options, ctx -> read(path, ctx));
  }

  /**
   * Reads a supply file once, reporting every problem to the context's collector: the columns
   * present once, each row's commune code (INSEE format, given once) and counts (numbers, finite,
   * &gt;= 0), a capped column above all doctors', a file with no data row, Paris, Lyon or
   * Marseille both whole and by arrondissement.
   *
   * @param path the supply file, CSV plain or gzip
   * @param ctx read options, code rules and the collector of problems, non-null
   * @return the columns of the rows without error (the collector says whether there was one),
   *     or null when the file cannot be read at all (empty, a column missing)
   * @throws IOException when the file cannot be read
   */
  public static Columns read(Path path, ReadContext ctx) throws IOException {
    try (CsvReader csv = CsvReader.open(path, ctx)) {
      if (csv == null) {
        return null;
      }
      Problems out = ctx.problems();
      String file = csv.source();
      List<String> header = csv.header();
      HeaderColumns columns =
          new HeaderColumns(out, file, 1, header, ctx.options().columns());
      int code = columns.require("commune", ColumnMapping.COMMUNE);
      int all = columns.require("consultations", ColumnMapping.CONSULTATIONS);
      if (!columns.ok()) {
        return null;
      }
      TreeMap<Integer, Integer> cappedColumns = new TreeMap<>();
      for (int k = 0; k < header.size(); k++) {
        Matcher m = CAPPED.matcher(header.get(k));
        if (m.matches() && k != all && k != code) {
          cappedColumns.putIfAbsent(Integer.parseInt(m.group(1)), k);
        }
      }
      CommuneValues.Builder allValues = CommuneValues.builder();
      Map<Integer, CommuneValues.Builder> capped = new TreeMap<>();
      for (Integer cap : cappedColumns.keySet()) {
        capped.put(cap, CommuneValues.builder());
      }
      String hint = "consultations are counts of acts in the year";
      Map<String, Long> seen = new HashMap<>();
      List<String> f;
      long rows = 0;
      while ((f = csv.next()) != null) {
        rows++;
        long line = csv.line();
        String c = Rules.communeCode(ctx, file, line, f.get(code), seen, "commune");
        double a =
            Rules.bounded(out, file, line, f.get(all), "consultations", c, hint, Rules.MAX_ACTS);
        boolean good = c != null && !Double.isNaN(a);
        for (Map.Entry<Integer, Integer> e : cappedColumns.entrySet()) {
          int k = e.getValue();
          double v =
              Rules.bounded(out, file, line, f.get(k), header.get(k), c, hint, Rules.MAX_ACTS);
          if (!Double.isNaN(a) && v > a * (1 + 1e-12)) {
            out.add(
                Check.INVALID_VALUE,
                file,
                line,
                f.get(k).trim() + " > " + f.get(all).trim(),
                header.get(k) + (c == null ? "" : " of " + c)
                    + " exceeds consultations of all doctors",
                "the capped supply counts fewer doctors: check the columns");
            good = false;
          }
          good &= !Double.isNaN(v);
          if (good) {
            capped.get(e.getKey()).add(c, v);
          }
        }
        if (good) {
          allValues.add(c, a);
        }
      }
      if (rows == 0) {
        Rules.headerOnly(out, file, "no data below the header");
      }
      Rules.wholeAndArrondissements(out, file, seen);
      SortedMap<Integer, Supply> underAge = new TreeMap<>();
      for (Map.Entry<Integer, CommuneValues.Builder> e : capped.entrySet()) {
        underAge.put(e.getKey(), Supply.of(e.getValue().build()));
      }
      return new Columns(Supply.of(allValues.build()), underAge);
    }
  }
}

package fr.apl.io.csv;

import fr.apl.demand.AgeBandPopulation;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import fr.apl.place.CommuneValues;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the population by residence commune, in one of two layouts found from the header:
 *
 * <ul>
 *   <li>standardised: {@code commune,population} (also {@code code_commune}, {@code codgeo};
 *       {@code pop_standardisee}) — used as given;
 *   <li>by age band, INSEE census style: {@code commune,p_0_4,p_5_9,…,p_85_89} and either
 *       {@code p_90p} or {@code p_90_94,p_95p} (summed into the DREES 90+ band) — standardised
 *       with the given {@link AgeWeights} and {@link Rescaling}. Other columns are ignored.
 * </ul>
 *
 * <p>A standardised column wins when both are present. The static helpers at the end are the
 * fail-fast rules of the zoning tables ({@link ZoningCsv}).
 */
public final class PopulationCsv {

  static final String[] COMMUNE =
      ColumnMapping.defaults(ColumnMapping.COMMUNE).toArray(new String[0]);

  private PopulationCsv() {}

  /**
   * Holds a population file as read: a standardised population, or residents by age band (to be
   * standardised with one or more sets of weights). Exactly one of the two is non-null.
   *
   * @param file the file name as given
   * @param standardised the standardised population by commune, or null
   * @param bands residents by commune and age band, or null
   */
  public record Table(String file, CommuneValues standardised, AgeBandPopulation bands) {

    /**
     * Checks that exactly one of the two is given.
     *
     * @param file the file name as given
     * @param standardised the standardised population, or null
     * @param bands residents by age band, or null
     * @throws IllegalArgumentException when both or neither are given
     */
    public Table {
      if ((standardised == null) == (bands == null)) {
        throw new IllegalArgumentException("give a standardised population or age bands");
      }
    }

    /** {@return true when the file gives age bands (standardised with weights)} */
    public boolean byAgeBand() {
      return bands != null;
    }

    /**
     * Returns the standardised population: as given, or the age bands standardised with these
     * weights and rescaling (used only for age bands).
     *
     * @param weights the 19 band weights; non-null for age bands
     * @param rescaling how the weighted population is rescaled; non-null for age bands
     * @return a new population
     */
    /**
     * Placeholder.
     *
     * @param weights weights
     * @param rescaling rescaling
     * @return population
     */
    public Population population(fr.apl.demand.DemandWeights weights, Rescaling rescaling) {
      return population(weights.both(), rescaling);
    }

    /**
     * Returns the standardised population.
     *
     * @param weights weights
     * @param rescaling rescaling
     * @return population
     */
    public Population population(AgeWeights weights, Rescaling rescaling) {
      return standardised != null
          ? Population.standardised(standardised)
          : bands.standardise(weights, rescaling);
    }
  }

  /**
   * Reads a population file once, reporting every problem of it to the context's collector: the
   * needed columns present once, each row's commune code (INSEE format, given once) and counts
   * (numbers, finite, &gt;= 0), a file with no data row, Paris, Lyon or Marseille both whole and
   * by arrondissement.
   *
   * @param path the population file, CSV plain or gzip
   * @param ctx read options, code rules and the collector of problems, non-null
   * @return the table of the rows without error (the collector says whether there was one), or
   *     null when the file cannot be read at all (empty, a column missing)
   * @throws IOException when the file cannot be read
   */
  public static Table read(Path path, ReadContext ctx) throws IOException {
    try (CsvReader csv = CsvReader.open(path, ctx)) {
      if (csv == null) {
        return null;
      }
      Problems out = ctx.problems();
      String file = csv.source();
      List<String> header = csv.header();
      boolean ok = Rules.uniqueColumns(out, file, 1, header);
      ColumnMapping names = ctx.options().columns();
      int code = Rules.find(header, names.candidates(ColumnMapping.COMMUNE));
      ok &=
          Rules.requireColumn(out, file, 1, header, code, "commune", ColumnMapping.COMMUNE, names);
      int standardised = Rules.find(header, names.candidates(ColumnMapping.POPULATION));
      int[] bands = standardised >= 0 ? new int[] {standardised} : bandColumns(header);
      if (bands == null) {
        out.add(
            Check.MISSING_COLUMN,
            file,
            1,
            String.join(String.valueOf(csv.separator()), header),
            "no population column: expected 'population' (standardised) or the age"
                + " bands p_0_4 ... p_85_89 and p_90p (or p_90_94 and p_95p)",
            "rename the column, or name it in the column mapping: population=NAME");
        return null;
      }
      ok &= Rules.distinctRoles(
          out, file, 1, header, new String[] {"commune", "population"}, new int[] {
            code, standardised
          });
      if (!ok) {
        return null;
      }
      String[] subject = new String[bands.length];
      for (int k = 0; k < bands.length; k++) {
        subject[k] = standardised >= 0 ? "population" : "residents in " + header.get(bands[k]);
      }
      CommuneValues.Builder values = standardised >= 0 ? CommuneValues.builder() : null;
      AgeBandPopulation.Builder byBand = standardised >= 0 ? null : AgeBandPopulation.builder();
      Map<String, Long> seen = new HashMap<>(1 << 16);
      List<String> f;
      long rows = 0;
      double[] residents = new double[bands.length];
      while ((f = csv.next()) != null) {
        rows++;
        long line = csv.line();
        String c = Rules.communeCode(ctx, file, line, f.get(code), seen, "commune");
        boolean good = true;
        for (int k = 0; k < bands.length; k++) {
          residents[k] = Rules.bounded(
              out,
              file,
              line,
              f.get(bands[k]),
              subject[k],
              c,
              "populations are counts of inhabitants",
              Rules.MAX_POPULATION);
          good &= !Double.isNaN(residents[k]);
        }
        if (c == null || !good) {
          continue;
        }
        if (values != null) {
          values.add(c, residents[0]);
        } else {
          double[] r = Arrays.copyOf(residents, AgeWeights.BANDS);
          if (bands.length > AgeWeights.BANDS) {
            r[AgeWeights.BANDS - 1] += residents[AgeWeights.BANDS];
          }
          byBand.add(c, r);
        }
      }
      if (rows == 0) {
        Rules.headerOnly(out, file, "no data below the header");
      }
      Rules.wholeAndArrondissements(out, file, seen);
      return values != null
          ? new Table(file, values.build(), null)
          : new Table(file, null, byBand.build());
    }
  }

  /**
   * Reads a population file, standardised with the given weights and rescaling when it gives age
   * bands; the first error is thrown (with the others).
   *
   * @param path the population file, CSV plain or gzip
   * @param weights the 19 band weights, used for age bands
   * @param rescaling how the weighted population is rescaled, used for age bands
   * @return the standardised population, communes in code order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static Population read(Path path, AgeWeights weights, Rescaling rescaling)
      throws IOException {
    return read(path, weights, rescaling, ReadOptions.defaults());
  }

  /**
   * Reads a population file with the given encoding and column names, as {@link #read(Path,
   * AgeWeights, Rescaling)} does.
   *
   * @param path the population file, CSV plain or gzip
   * @param weights the 19 band weights, used for age bands
   * @param rescaling how the weighted population is rescaled, used for age bands
   * @param options encoding and column names, non-null
   * @return the standardised population, communes in code order
   * @throws IOException when the file cannot be read
   * @throws InputException on bad data, naming file, line and value
   */
  public static Population read(
      Path path, AgeWeights weights, Rescaling rescaling, ReadOptions options) throws IOException {
    return ReadContext.failFast(options, ctx -> read(path, ctx)).population(weights, rescaling);
  }

  /** Returns the columns of the 19 DREES bands (20 when 90+ is given as 90-94 and 95+), or null. */
  private static int[] bandColumns(List<String> header) {
    int[] cols = new int[AgeWeights.BANDS + 1];
    for (int a = 0; a < AgeWeights.BANDS - 1; a++) {
      cols[a] = Rules.find(header, "p_" + (5 * a) + "_" + (5 * a + 4));
      if (cols[a] < 0) {
        return null;
      }
    }
    int p90 = Rules.find(header, "p_90p");
    if (p90 >= 0) {
      cols[AgeWeights.BANDS - 1] = p90;
      return Arrays.copyOf(cols, AgeWeights.BANDS);
    }
    cols[AgeWeights.BANDS - 1] = Rules.find(header, "p_90_94");
    cols[AgeWeights.BANDS] = Rules.find(header, "p_95p");
    return cols[AgeWeights.BANDS - 1] < 0 || cols[AgeWeights.BANDS] < 0 ? null : cols;
  }

  /** Returns the commune code of a record, refusing empty and repeated codes. */
  static String commune(CsvReader csv, List<String> f, int code, Map<String, Long> seen) {
    return key(csv, f, code, seen, "commune");
  }

  /** Returns the key of a record (a commune, a region…), refusing empty and repeated keys. */
  static String key(
      CsvReader csv, List<String> f, int column, Map<String, Long> seen, String what) {
    String c = f.get(column).trim();
    if (c.isEmpty()) {
      throw csv.error(what + " code is empty");
    }
    Long first = seen.putIfAbsent(c, csv.line());
    if (first != null) {
      throw csv.error(what + " " + c + " is given twice (first at line " + first + ")");
    }
    return c;
  }

  /** Parses a field as a finite number >= 0. */
  static double nonNegative(CsvReader csv, List<String> f, int column, String what) {
    double v = csv.number(f, column, what);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw csv.error(what + " must be finite and >= 0, given: " + f.get(column).trim());
    }
    return v;
  }
}

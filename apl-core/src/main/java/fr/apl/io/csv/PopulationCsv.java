package fr.apl.io.csv;

import fr.apl.demand.AgeBandPopulation;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.DemandWeights;
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
 * Reads the population by residence commune, in one of the layouts found from the header:
 *
 * <ul>
 *   <li>standardised: {@code commune,population} (also {@code code_commune}, {@code codgeo};
 *       {@code pop_standardisee}) — used as given; it cannot be weighted by sex;
 *   <li>by age band, INSEE census style: {@code commune,p_0_4,p_5_9,…,p_85_89} and either
 *       {@code p_90p} or {@code p_90_94,p_95p} (summed into the DREES 90+ band) — standardised
 *       with the given {@link AgeWeights} or {@link DemandWeights} and {@link Rescaling};
 *   <li>by sex and age band, INSEE census style ({@code f} femmes, {@code h} hommes): the women's
 *       bands {@code f_0_4,…,f_85_89} and {@code f_90p} or {@code f_90_94,f_95p}, and the men's
 *       {@code h_0_4,…} likewise, beside the {@code p_} bands or without them (then both sexes
 *       are {@code f + h}); or the {@code p_} bands with the women's only or the men's only. The
 *       census file {@code pop_sexe_age5} gives all three sets, with {@code p = f + h} exactly.
 * </ul>
 *
 * <p>Band columns are found by their exact names (ignoring case), not through the column mapping.
 * A set given in part (some {@code f_} columns but not all) is a missing column, named, at line 1;
 * so are the women's bands alone or the men's alone, with no {@code p_} bands. Every band value is
 * checked as a count of inhabitants. Other columns are ignored.
 *
 * <p>A standardised column wins when both are present. The static helpers at the end are the
 * fail-fast rules of the zoning tables ({@link ZoningCsv}).
 */
public final class PopulationCsv {

  static final String[] COMMUNE =
      ColumnMapping.defaults(ColumnMapping.COMMUNE).toArray(new String[0]);

  private PopulationCsv() {}

  /**
   * Holds a population file as read: a standardised population, or residents by age band, and
   * by sex when the file gives it (to be standardised with one or more sets of weights). Exactly
   * one of the two is non-null.
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
    public Population population(AgeWeights weights, Rescaling rescaling) {
      return population(weights == null ? null : DemandWeights.of(weights), rescaling);
    }

    /**
     * Returns the standardised population: as given, or the age bands standardised with these
     * weights and rescaling (used only for age bands). With {@link DemandWeights#of(AgeWeights)}
     * it is what {@link #population(AgeWeights, Rescaling)} gives, bit for bit.
     *
     * @param weights the band weights, of both sexes or by sex; non-null for age bands
     * @param rescaling how the weighted population is rescaled; non-null for age bands
     * @return a new population
     * @throws IllegalArgumentException when weights by sex meet a population given standardised,
     *     or a file without the bands of a sex they weigh (see {@link
     *     AgeBandPopulation#standardise(DemandWeights, Rescaling)})
     */
    public Population population(DemandWeights weights, Rescaling rescaling) {
      if (standardised != null) {
        if (weights != null && weights.bySex()) {
          throw new IllegalArgumentException(file + ": the population is given standardised, so"
              + " it cannot be weighted by sex (" + weights.name() + "): give the population by"
              + " sex and age band (f_0_4 … f_90p and h_0_4 … h_90p columns)");
        }
        return Population.standardised(standardised);
      }
      try {
        return bands.standardise(weights, rescaling);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
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
      HeaderColumns columns =
          new HeaderColumns(out, file, 1, header, ctx.options().columns());
      int code = columns.require("commune", ColumnMapping.COMMUNE);
      int standardised = columns.optional("population", ColumnMapping.POPULATION);
      int[] both = null;
      int[] women = null;
      int[] men = null;
      if (standardised < 0) {
        both = bandColumns(header, BOTH);
        women = bandColumns(header, WOMEN);
        men = bandColumns(header, MEN);
        boolean bySex = anyBandColumn(header, WOMEN) || anyBandColumn(header, MEN);
        // A partial set is a mistake worth naming, not a layout to fall back from; partial
        // p_ bands alone keep the message they always had (no population column).
        String[] partial = {bySex ? BOTH : null, WOMEN, MEN};
        for (String prefix : partial) {
          if (prefix != null
              && bandColumns(header, prefix) == null
              && anyBandColumn(header, prefix)) {
            String missing = firstMissing(header, prefix);
            out.add(
                Check.MISSING_COLUMN,
                file,
                1,
                String.join(String.valueOf(csv.separator()), header),
                "no column " + missing + ": the age bands of " + SEX.get(prefix)
                    + " are given in part, and need all of " + bandNames(prefix),
                "add the missing column, or remove every " + prefix + " column");
            return null;
          }
        }
        if (both == null && (women == null) != (men == null)) {
          String given = women != null ? WOMEN : MEN;
          String other = women != null ? MEN : WOMEN;
          out.add(
              Check.MISSING_COLUMN,
              file,
              1,
              String.join(String.valueOf(csv.separator()), header),
              "no column " + other + "0_4: the age bands of " + SEX.get(given) + " need those of "
                  + SEX.get(other) + " (" + bandNames(other) + ") or those of both sexes ("
                  + bandNames(BOTH) + ") beside them",
              "add the " + other + " columns or the " + BOTH + " columns");
          return null;
        }
      }
      int[] bands = standardised >= 0
          ? new int[] {standardised}
          : both == null && women == null ? null : concat(both, women, men);
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
      if (!columns.ok()) {
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
          int from = 0;
          double[] p = null;
          double[] w = null;
          double[] m = null;
          if (both != null) {
            p = band19(residents, from, both.length);
            from += both.length;
          }
          if (women != null) {
            w = band19(residents, from, women.length);
            from += women.length;
          }
          if (men != null) {
            m = band19(residents, from, men.length);
          }
          byBand.add(c, p, w, m);
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

  /** Column prefix of the residents of both sexes (INSEE census: {@code p_0_4}…). */
  private static final String BOTH = "p_";
  /** Column prefix of women (INSEE census: {@code f_0_4}…, femmes). */
  private static final String WOMEN = "f_";
  /** Column prefix of men (INSEE census: {@code h_0_4}…, hommes). */
  private static final String MEN = "h_";

  private static final Map<String, String> SEX =
      Map.of(BOTH, "both sexes", WOMEN, "women", MEN, "men");

  /**
   * Returns the columns of the 19 DREES bands of a prefix (20 when 90+ is given as 90-94 and
   * 95+), or null when one is missing.
   */
  private static int[] bandColumns(List<String> header, String prefix) {
    int[] cols = new int[AgeWeights.BANDS + 1];
    for (int a = 0; a < AgeWeights.BANDS - 1; a++) {
      cols[a] = Rules.find(header, prefix + (5 * a) + "_" + (5 * a + 4));
      if (cols[a] < 0) {
        return null;
      }
    }
    int p90 = Rules.find(header, prefix + "90p");
    if (p90 >= 0) {
      cols[AgeWeights.BANDS - 1] = p90;
      return Arrays.copyOf(cols, AgeWeights.BANDS);
    }
    cols[AgeWeights.BANDS - 1] = Rules.find(header, prefix + "90_94");
    cols[AgeWeights.BANDS] = Rules.find(header, prefix + "95p");
    return cols[AgeWeights.BANDS - 1] < 0 || cols[AgeWeights.BANDS] < 0 ? null : cols;
  }

  /** Returns true when the header has at least one band column of a prefix. */
  private static boolean anyBandColumn(List<String> header, String prefix) {
    for (int a = 0; a < AgeWeights.BANDS - 1; a++) {
      if (Rules.find(header, prefix + (5 * a) + "_" + (5 * a + 4)) >= 0) {
        return true;
      }
    }
    return Rules.find(header, prefix + "90p", prefix + "90_94", prefix + "95p") >= 0;
  }

  /** Returns the first band column of a prefix missing from the header, in band order. */
  private static String firstMissing(List<String> header, String prefix) {
    for (int a = 0; a < AgeWeights.BANDS - 1; a++) {
      String name = prefix + (5 * a) + "_" + (5 * a + 4);
      if (Rules.find(header, name) < 0) {
        return name;
      }
    }
    // All 18 bands under 90 are there: 90+ is missing, or half of 90-94 and 95+.
    boolean p90 = Rules.find(header, prefix + "90_94") >= 0;
    boolean p95 = Rules.find(header, prefix + "95p") >= 0;
    return p90 ? prefix + "95p" : p95 ? prefix + "90_94" : prefix + "90p";
  }

  /** Names the columns of a prefix's bands, for messages. */
  private static String bandNames(String prefix) {
    return prefix + "0_4 ... " + prefix + "85_89 and " + prefix + "90p (or " + prefix + "90_94 and "
        + prefix + "95p)";
  }

  /** Returns the given column lists one after the other, skipping nulls. */
  private static int[] concat(int[]... lists) {
    int n = 0;
    for (int[] l : lists) {
      n += l == null ? 0 : l.length;
    }
    int[] all = new int[n];
    int k = 0;
    for (int[] l : lists) {
      if (l != null) {
        System.arraycopy(l, 0, all, k, l.length);
        k += l.length;
      }
    }
    return all;
  }

  /**
   * Returns the 19 bands read from {@code values[from]} on, {@code length} values: 19, or 20 with
   * 90-94 and 95+ summed into 90+.
   */
  private static double[] band19(double[] values, int from, int length) {
    double[] r = Arrays.copyOfRange(values, from, from + AgeWeights.BANDS);
    if (length > AgeWeights.BANDS) {
      r[AgeWeights.BANDS - 1] += values[from + AgeWeights.BANDS];
    }
    return r;
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

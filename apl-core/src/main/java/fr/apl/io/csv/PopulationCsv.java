package fr.apl.io.csv;

import fr.apl.commune.CommuneValues;
import fr.apl.demand.AgeBandPopulation;
import fr.apl.demand.AgeWeights;
import fr.apl.demand.Population;
import fr.apl.demand.Rescaling;
import java.io.IOException;
import java.nio.file.Path;
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
 * <p>A standardised column wins when both are present.
 */
public final class PopulationCsv {

  static final String[] COMMUNE =
      ColumnMapping.defaults(ColumnMapping.COMMUNE).toArray(new String[0]);

  private PopulationCsv() {}

  /** Returns true when the file has a standardised population column (no age weights needed). */
  public static boolean isStandardised(Path path) throws IOException {
    return isStandardised(path, ReadOptions.defaults());
  }

  /** Returns true when the file has a standardised population column, with these options. */
  public static boolean isStandardised(Path path, ReadOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(path, options.encoding())) {
      return csv.column(options.columns().candidates(ColumnMapping.POPULATION)) >= 0;
    }
  }

  /**
   * Reads a population file.
   *
   * @param weights age weights, used only for the age-band layout
   * @param rescaling rescaling, used only for the age-band layout
   * @throws InputException on bad data, naming file, line and value
   */
  public static Population read(Path path, AgeWeights weights, Rescaling rescaling)
      throws IOException {
    return read(path, weights, rescaling, ReadOptions.defaults());
  }

  /**
   * Reads a population file with the given encoding and column names.
   *
   * @throws InputException on bad data, naming file, line and value
   */
  public static Population read(Path path, AgeWeights weights, Rescaling rescaling,
      ReadOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(path, options.encoding())) {
      ColumnMapping names = options.columns();
      int code = csv.requireColumn("commune", names.candidates(ColumnMapping.COMMUNE));
      int standardised = csv.column(names.candidates(ColumnMapping.POPULATION));
      if (standardised >= 0) {
        return Population.standardised(readValues(csv, code, standardised, "population"));
      }
      return readBands(csv, code).standardise(weights, rescaling);
    }
  }

  /**
   * Reads a population file by age band, to standardise it with several sets of weights (one
   * read for a comparison of weights).
   *
   * @throws InputException on bad data, or when the file has a standardised population column
   *     (its age bands are not known)
   */
  public static AgeBandPopulation readBands(Path path, ReadOptions options) throws IOException {
    try (CsvReader csv = CsvReader.open(path, options.encoding())) {
      ColumnMapping names = options.columns();
      int code = csv.requireColumn("commune", names.candidates(ColumnMapping.COMMUNE));
      if (csv.column(names.candidates(ColumnMapping.POPULATION)) >= 0) {
        throw new InputException(csv.source(), 1, "the population is given standardised, not by"
            + " age band: it cannot be standardised with other age weights");
      }
      return readBands(csv, code);
    }
  }

  private static AgeBandPopulation readBands(CsvReader csv, int code) throws IOException {
    int[] bands = bandColumns(csv);
    AgeBandPopulation.Builder builder = AgeBandPopulation.builder();
    Map<String, Long> seen = new HashMap<>();
    List<String> f;
    while ((f = csv.next()) != null) {
      String c = commune(csv, f, code, seen);
      double[] residents = new double[AgeWeights.BANDS];
      for (int a = 0; a < AgeWeights.BANDS; a++) {
        residents[a] = nonNegative(csv, f, bands[a], "residents in " + csv.header().get(bands[a]));
      }
      if (bands.length > AgeWeights.BANDS) {
        residents[AgeWeights.BANDS - 1] += nonNegative(csv, f, bands[AgeWeights.BANDS],
            "residents in " + csv.header().get(bands[AgeWeights.BANDS]));
      }
      builder.add(c, residents);
    }
    if (seen.isEmpty()) {
      throw new InputException(csv.source(), 0, "no commune below the header");
    }
    return builder.build();
  }

  static int[] bandColumns(CsvReader csv) {
    int[] cols = new int[AgeWeights.BANDS + 1];
    for (int a = 0; a < AgeWeights.BANDS - 1; a++) {
      String name = "p_" + (5 * a) + "_" + (5 * a + 4);
      cols[a] = csv.column(name);
      if (cols[a] < 0) {
        throw new InputException(csv.source(), 1, "no population column: expected 'population'"
            + " (standardised) or the age bands p_0_4 … p_85_89 and p_90p (or p_90_94 and p_95p);"
            + " missing " + name + "; header is: " + String.join(",", csv.header()));
      }
    }
    int p90 = csv.column("p_90p");
    if (p90 >= 0) {
      cols[AgeWeights.BANDS - 1] = p90;
      return java.util.Arrays.copyOf(cols, AgeWeights.BANDS);
    }
    int p9094 = csv.column("p_90_94");
    int p95 = csv.column("p_95p");
    if (p9094 < 0 || p95 < 0) {
      throw new InputException(csv.source(), 1, "no 90+ age band: expected p_90p, or p_90_94 and"
          + " p_95p; header is: " + String.join(",", csv.header()));
    }
    cols[AgeWeights.BANDS - 1] = p9094;
    cols[AgeWeights.BANDS] = p95;
    return cols;
  }

  /** Reads {@code code,value} rows into values, refusing negative values and repeated codes. */
  static CommuneValues readValues(CsvReader csv, int code, int value, String what)
      throws IOException {
    CommuneValues.Builder b = CommuneValues.builder();
    Map<String, Long> seen = new HashMap<>();
    List<String> f;
    while ((f = csv.next()) != null) {
      String c = commune(csv, f, code, seen);
      b.add(c, nonNegative(csv, f, value, what));
    }
    if (seen.isEmpty()) {
      throw new InputException(csv.source(), 0, "no commune below the header");
    }
    return b.build();
  }

  /** Returns the commune code of a record, refusing empty and repeated codes. */
  static String commune(CsvReader csv, List<String> f, int code, Map<String, Long> seen) {
    return key(csv, f, code, seen, "commune");
  }

  /** Returns the key of a record (a commune, a region…), refusing empty and repeated keys. */
  static String key(CsvReader csv, List<String> f, int column, Map<String, Long> seen,
      String what) {
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

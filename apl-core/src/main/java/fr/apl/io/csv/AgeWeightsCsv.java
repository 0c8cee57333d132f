package fr.apl.io.csv;

import fr.apl.demand.AgeWeights;
import fr.apl.problem.Check;
import fr.apl.problem.Problems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads age-band weights: a header, then 19 rows {@code band,weight} in band order (under 5,
 * 5–9, …, 85–89, 90+). The band label is free text, checked only for the row count.
 */
public final class AgeWeightsCsv {

  private static final String HINT = "19 rows band,weight: under 5, 5-9, ..., 85-89, 90 and over";

  private AgeWeightsCsv() {}

  /**
   * Reads a weights file, the first error thrown.
   *
   * @param path the weights file, CSV plain or gzip
   * @return the 19 weights, named after the file
   * @throws IOException when the file cannot be read
   * @throws InputException on a row count other than 19, or a weight that is not a number &gt;= 0
   */
  public static AgeWeights read(Path path) throws IOException {
    return ReadContext.failFast(ReadOptions.defaults(), ctx -> read(path, ctx));
  }

  /**
   * Reads a weights file once, reporting every problem to the context's collector.
   *
   * @param path the weights file, CSV plain or gzip
   * @param ctx read options and the collector of problems, non-null
   * @return the weights, or null when the file has an error (reported)
   * @throws IOException when the file cannot be read
   */
  public static AgeWeights read(Path path, ReadContext ctx) throws IOException {
    long errorsBefore = ctx.problems().errors();
    try (CsvReader csv = CsvReader.open(path, ctx)) {
      if (csv == null) {
        return null;
      }
      Problems out = ctx.problems();
      String file = csv.source();
      if (csv.header().size() < 2) {
        out.add(
            Check.MISSING_COLUMN,
            file,
            1,
            String.join(",", csv.header()),
            "expected two columns band,weight",
            HINT);
        return null;
      }
      double[] weights = new double[AgeWeights.BANDS];
      int n = 0;
      List<String> f;
      while ((f = csv.next()) != null) {
        if (n == AgeWeights.BANDS) {
          out.add(
              Check.INVALID_VALUE,
              file,
              csv.line(),
              null,
              "more than " + AgeWeights.BANDS + " age bands",
              HINT);
          break;
        }
        weights[n++] = Rules.bounded(
            out,
            file,
            csv.line(),
            f.get(1),
            "weight of band " + f.get(0).trim(),
            null,
            HINT,
            Rules.MAX_AGE_WEIGHT);
      }
      if (n < AgeWeights.BANDS && out.errors() == errorsBefore) {
        out.add(
            Check.INVALID_VALUE,
            file,
            0,
            null,
            "expected " + AgeWeights.BANDS + " age bands (under 5 … 90 and over), found " + n,
            HINT);
      }
      return out.errors() > errorsBefore ? null : AgeWeights.of(file, weights);
    }
  }
}

package fr.apl.io.csv;

import fr.apl.demand.AgeWeights;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads age-band weights: a header, then 19 rows {@code band,weight} in band order (under 5,
 * 5–9, …, 85–89, 90+). The band label is free text, checked only for the row count.
 */
public final class AgeWeightsCsv {

  private AgeWeightsCsv() {}

  /**
   * Reads a weights file.
   *
   * @throws InputException on a row count other than 19, or a weight that is not a number &gt;= 0
   */
  public static AgeWeights read(Path path) throws IOException {
    try (CsvReader csv = CsvReader.open(path)) {
      if (csv.header().size() < 2) {
        throw new InputException(csv.source(), 1, "expected two columns band,weight; header is: "
            + String.join(",", csv.header()));
      }
      double[] weights = new double[AgeWeights.BANDS];
      int n = 0;
      List<String> f;
      while ((f = csv.next()) != null) {
        if (n == AgeWeights.BANDS) {
          throw csv.error("more than " + AgeWeights.BANDS + " age bands");
        }
        weights[n++] = PopulationCsv.nonNegative(csv, f, 1, "weight of band " + f.get(0).trim());
      }
      if (n != AgeWeights.BANDS) {
        throw new InputException(csv.source(), 0, "expected " + AgeWeights.BANDS
            + " age bands (under 5 … 90 and over), found " + n);
      }
      return AgeWeights.of(csv.source(), weights);
    }
  }
}

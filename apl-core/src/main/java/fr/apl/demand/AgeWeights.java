package fr.apl.demand;

import java.util.Arrays;
import java.util.List;

/**
 * Holds the 19 age-band weights of the standardised population: mean GP consumption of the band
 * divided by the national mean (DREES, from DCIR data of the Cnam).
 *
 * <p>Bands are five-year bands, both sexes together: under 5, 5–9, …, 85–89, 90 and over. The
 * built-in sets are the DREES weights of APL 2022 and 2023 ("Paramètres" sheet of the DREES APL
 * workbook).
 *
 * <p>Immutable and thread-safe.
 */
public final class AgeWeights {

  /** Number of age bands. */
  public static final int BANDS = 19;

  /** Labels of the bands, in order: {@code 0-4, 5-9, …, 85-89, 90+}. */
  public static final List<String> BAND_LABELS = List.of(
      "0-4", "5-9", "10-14", "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
      "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85-89", "90+");

  private static final double[] DREES_2022 = {
    0.93, 0.59, 0.55, 0.59, 0.73, 0.78, 0.84, 0.88, 0.90, 0.97, 1.06, 1.14, 1.16, 1.19, 1.52, 1.53,
    1.72, 1.99, 2.39
  };
  private static final double[] DREES_2023 = {
    1.12, 0.58, 0.51, 0.60, 0.75, 0.79, 0.82, 0.85, 0.89, 0.93, 1.03, 1.15, 1.18, 1.23, 1.46, 1.57,
    1.63, 1.89, 2.26
  };

  private final String name;
  private final double[] weights;

  private AgeWeights(String name, double[] weights) {
    if (weights.length != BANDS) {
      throw new IllegalArgumentException(
          "age weights need " + BANDS + " bands, given: " + weights.length);
    }
    for (int a = 0; a < BANDS; a++) {
      if (!(weights[a] >= 0) || Double.isInfinite(weights[a])) {
        throw new IllegalArgumentException("weight of age band " + BAND_LABELS.get(a)
            + " must be finite and >= 0, given: " + weights[a]);
      }
    }
    this.name = name;
    this.weights = weights.clone();
  }

  /** {@return the DREES weights of APL 2022 (DCIR 2020)} */
  public static AgeWeights drees2022() {
    return new AgeWeights("DREES 2022", DREES_2022);
  }

  /** {@return the DREES weights of APL 2023 (DCIR 2021)} */
  public static AgeWeights drees2023() {
    return new AgeWeights("DREES 2023", DREES_2023);
  }

  /**
   * Returns weights given by the user.
   *
   * @param name how to name them in reports, e.g. the file they came from
   * @param weights 19 finite weights &gt;= 0, in band order; copied
   * @return the weights
   * @throws IllegalArgumentException on a count other than 19 or a negative or non-finite weight
   */
  public static AgeWeights of(String name, double[] weights) {
    return new AgeWeights(name, weights);
  }

  /**
   * Returns the weight of band {@code a}.
   *
   * @param a the band, 0-based, from 0 to {@link #BANDS} - 1
   * @return the weight, finite and &gt;= 0
   */
  public double weight(int a) {
    return weights[a];
  }

  /** {@return the weights in band order, a copy} */
  public double[] weights() {
    return weights.clone();
  }

  /** {@return the name of the set, e.g. "DREES 2023"} */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name + " " + Arrays.toString(weights);
  }
}

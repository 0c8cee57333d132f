package fr.apl.core;

import fr.apl.internal.Parallel;
import fr.apl.internal.TwoStepKernel;

/**
 * Gives an {@link AccessMethod} the sums floating-catchment methods are made of, over the
 * weighted catchments, without handing out their arrays: over residences or over practices, with
 * the weights {@code w_ij} or their squares {@code w_ij²}. Places are numbered as the catchments
 * number them: the matrix's communes in code order, then the communes of the population or
 * supply that the matrix does not know (each reaches only itself, at 0 minutes).
 *
 * <p>Both sums are gathers: one thread owns one output cell and sums in a fixed order, so results
 * do not depend on the thread count. Immutable and thread-safe; O(pairs in reach) a sum.
 */
public final class Gathers {

  private final int places;
  private final int matrixPlaces;
  private final int threads;
  private final int[] residenceStart;
  private final int[] residencePractice;
  private final char[] residenceBand;
  private final int[] practiceStart;
  private final int[] practiceResidence;
  private final char[] practiceBand;
  private final double[] bandWeight;
  private final double selfWeight;
  /** The squares of {@link #bandWeight}: pairs keep one band index for both tables. */
  private final double[] bandWeightSquared;

  Gathers(
      int places,
      int matrixPlaces,
      int threads,
      int[] residenceStart,
      int[] residencePractice,
      char[] residenceBand,
      int[] practiceStart,
      int[] practiceResidence,
      char[] practiceBand,
      double[] bandWeight,
      double selfWeight) {
    this.places = places;
    this.matrixPlaces = matrixPlaces;
    this.threads = threads;
    this.residenceStart = residenceStart;
    this.residencePractice = residencePractice;
    this.residenceBand = residenceBand;
    this.practiceStart = practiceStart;
    this.practiceResidence = practiceResidence;
    this.practiceBand = practiceBand;
    this.bandWeight = bandWeight;
    this.selfWeight = selfWeight;
    this.bandWeightSquared = new double[bandWeight.length];
    for (int b = 0; b < bandWeight.length; b++) {
      bandWeightSquared[b] = bandWeight[b] * bandWeight[b];
    }
  }

  /** {@return the number of places: the length of every vector these sums take and give} */
  public int places() {
    return places;
  }

  /**
   * Sums over the residences that reach each practice: {@code out[j] = Σ_i w_ij · x[i]} (step 1
   * of E2SFCA with {@code x} the population: the weighted demand {@code D_j}).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverResidences(double[] x, double[] out) {
    check(x, out);
    Parallel.forRange(
        matrixPlaces,
        threads,
        (from, to) -> TwoStepKernel.gather(
            practiceStart, practiceResidence, practiceBand, bandWeight, x, out, from, to));
    for (int e = matrixPlaces; e < places; e++) {
      out[e] = selfWeight * x[e];
    }
  }

  /**
   * Sums over the practices each residence reaches: {@code out[i] = Σ_j w_ij · x[j]} (step 2 of
   * E2SFCA with {@code x} the supply-to-demand ratio: the access {@code APL_i}).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverPractices(double[] x, double[] out) {
    check(x, out);
    Parallel.forRange(
        matrixPlaces,
        threads,
        (from, to) -> TwoStepKernel.gather(
            residenceStart, residencePractice, residenceBand, bandWeight, x, out, from, to));
    for (int e = matrixPlaces; e < places; e++) {
      out[e] = selfWeight * x[e];
    }
  }

  /**
   * Sums over the residences that reach each practice with squared weights: {@code out[j] =
   * Σ_i w_ij² · x[i]} (the demand of 3SFCA, whose selection weight times {@code w_ij} is {@code
   * w_ij²} divided by a residence's total).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverResidencesSquared(double[] x, double[] out) {
    check(x, out);
    Parallel.forRange(
        matrixPlaces,
        threads,
        (from, to) -> TwoStepKernel.gather(
            practiceStart, practiceResidence, practiceBand, bandWeightSquared, x, out, from, to));
    double selfSquared = selfWeight * selfWeight;
    for (int e = matrixPlaces; e < places; e++) {
      out[e] = selfSquared * x[e];
    }
  }

  /**
   * Sums over the practices each residence reaches with squared weights: {@code out[i] = Σ_j
   * w_ij² · x[j]} (the access of M2SFCA, Delamater 2013).
   *
   * @param x a value per place, length {@link #places()}
   * @param out written, length {@link #places()}
   */
  public void sumOverPracticesSquared(double[] x, double[] out) {
    check(x, out);
    Parallel.forRange(
        matrixPlaces,
        threads,
        (from, to) -> TwoStepKernel.gather(
            residenceStart, residencePractice, residenceBand, bandWeightSquared, x, out, from, to));
    double selfSquared = selfWeight * selfWeight;
    for (int e = matrixPlaces; e < places; e++) {
      out[e] = selfSquared * x[e];
    }
  }

  private void check(double[] x, double[] out) {
    if (x.length != places || out.length != places) {
      throw new IllegalArgumentException(
          "vectors must have " + places + " places, given " + x.length + " and " + out.length);
    }
  }
}

package fr.apl.core;

import java.util.Arrays;

/**
 * Cumulative opportunities (Hansen 1959, Journal of the American Institute of Planners 25(2);
 * with a step or continuous decay, the gravity form): the supply in reach, weighted, with no
 * competition for it.
 *
 * <pre>
 *   A_i = Σ_j w_ij S_j
 * </pre>
 *
 * <p>Consultations per year in reach, not per inhabitant; the population plays no part (step 1
 * writes zeros). Supply is not conserved: each practice counts fully for everyone who reaches it.
 */
final class CumulativeOpportunities extends BatchedMethod {

  static final CumulativeOpportunities INSTANCE = new CumulativeOpportunities();

  private CumulativeOpportunities() {}

  @Override
  public String name() {
    return "cumulative";
  }

  @Override
  public boolean conservesSupply() {
    return false;
  }

  @Override
  public void demand(Gathers gathers, double[] population, double[] demand) {
    Arrays.fill(demand, 0, gathers.places(), 0.0);
  }

  @Override
  public void demands(Gathers gathers, double[][] populations, double[][] demands) {
    for (double[] d : demands) {
      Arrays.fill(d, 0, gathers.places(), 0.0);
    }
  }

  @Override
  public void accesses(
      Gathers gathers, double[][] supplies, double[][] demands, double[][] access) {
    gathers.sumOverPractices(supplies, access);
  }

  @Override
  public String toString() {
    return name();
  }
}

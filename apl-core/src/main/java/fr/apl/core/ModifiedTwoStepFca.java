package fr.apl.core;

import fr.apl.internal.TwoStepKernel;

/**
 * The modified two-step floating catchment area method (Delamater 2013, Health &amp; Place 24):
 * the E2SFCA ratio, gathered with squared weights, so that a distant practice counts less both
 * for being far and for being shared with nearer residents.
 *
 * <pre>
 *   R_j = S_j / Σ_i w_ij P_i   (0 when the sum is 0)
 *   A_i = Σ_j w_ij² R_j
 * </pre>
 *
 * <p>Supply is not conserved: with weights at most 1, {@code Σ_i P_i A_i} is at most the reached
 * supply, and equal only when every weight in use is 1 (Delamater's point: the shortfall is the
 * supply lost to distance).
 */
final class ModifiedTwoStepFca implements AccessMethod {

  static final ModifiedTwoStepFca INSTANCE = new ModifiedTwoStepFca();

  private ModifiedTwoStepFca() {}

  @Override
  public String name() {
    return "m2sfca";
  }

  @Override
  public boolean conservesSupply() {
    return false;
  }

  @Override
  public void demand(Gathers gathers, double[] population, double[] demand) {
    gathers.sumOverResidences(population, demand);
  }

  @Override
  public void access(Gathers gathers, double[] supply, double[] demand, double[] access) {
    double[] ratio = new double[gathers.places()];
    TwoStepKernel.ratio(supply, demand, ratio, 0, ratio.length);
    gathers.sumOverPracticesSquared(ratio, access);
  }

  @Override
  public String toString() {
    return name();
  }
}

package fr.apl.core;

import fr.apl.internal.TwoStepKernel;

/**
 * The two-step floating catchment area methods that share the E2SFCA ratio, {@code R_j = S_j /
 * Σ_i w_ij P_i} (0 when the sum is 0), and differ in the weight of step 2:
 *
 * <ul>
 *   <li>{@link #E2SFCA}: the enhanced method, as DREES computes APL (working paper 124; Luo &amp;
 *       Qi 2009, Health &amp; Place 15(4)), {@code A_i = Σ_j w_ij R_j}: the same weights in both
 *       steps, and conservation of the supply that some population reaches;
 *   <li>{@link #M2SFCA}: the modified method (Delamater 2013, Health &amp; Place 24), {@code A_i =
 *       Σ_j w_ij² R_j}, so that a distant practice counts less both for being far and for being
 *       shared with nearer residents. Supply is not conserved: with weights at most 1, {@code Σ_i
 *       P_i A_i} is at most the reached supply, and equal only when every weight in use is 1
 *       (Delamater's point: the shortfall is the supply lost to distance).
 * </ul>
 */
final class E2sfca extends BatchedMethod {

  /** The DREES APL. */
  static final E2sfca E2SFCA = new E2sfca("e2sfca", false);

  /** Delamater's modified 2SFCA. */
  static final E2sfca M2SFCA = new E2sfca("m2sfca", true);

  private final String name;
  private final boolean squaredAccess;

  private E2sfca(String name, boolean squaredAccess) {
    this.name = name;
    this.squaredAccess = squaredAccess;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean conservesSupply() {
    return !squaredAccess;
  }

  @Override
  public void demands(Gathers gathers, double[][] populations, double[][] demands) {
    gathers.sumOverResidences(populations, demands);
  }

  @Override
  public void accesses(
      Gathers gathers, double[][] supplies, double[][] demands, double[][] access) {
    double[][] ratio = new double[supplies.length][gathers.places()];
    for (int v = 0; v < supplies.length; v++) {
      TwoStepKernel.ratio(supplies[v], demands[v], ratio[v], 0, ratio[v].length);
    }
    if (squaredAccess) {
      gathers.sumOverPracticesSquared(ratio, access);
    } else {
      gathers.sumOverPractices(ratio, access);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

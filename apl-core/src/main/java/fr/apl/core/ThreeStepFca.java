package fr.apl.core;

import fr.apl.internal.TwoStepKernel;

/**
 * The three-step floating catchment area method (Wan, Zou &amp; Sternberg 2012, International
 * Journal of Geographical Information Science 26(6)): a residence's demand is shared among the
 * practices it reaches in proportion to their weights, which deflates the demand of E2SFCA where
 * catchments overlap.
 *
 * <pre>
 *   G_ij = w_ij / Σ_k w_ik  over the k with S_k &gt; 0   (0 when that sum is 0)
 *   D_j  = Σ_i G_ij w_ij P_i
 *   R_j  = S_j / D_j        (0 when D_j = 0)
 *   A_i  = Σ_j G_ij w_ij R_j
 * </pre>
 *
 * <p>{@code G_ij w_ij = w_ij² / T_i} with {@code T_i = Σ_k w_ik [S_k > 0]}, so every step is a
 * gather: {@code T}, then {@code D = Σ_i w_ij² (P_i / T_i)}, then {@code A_i = (Σ_j w_ij² R_j) /
 * T_i}. The demand depends on the supply: step 1 keeps the population and step 2, run once per
 * variant, does the rest (four gathers a variant against two for E2SFCA).
 *
 * <p>Supply is conserved, as in E2SFCA, because both steps use the same weights {@code G_ij
 * w_ij}: {@code Σ_i P_i A_i = Σ_j R_j Σ_i G_ij w_ij P_i = Σ_j R_j D_j}, the supply of the
 * practices with {@code D_j > 0}. A practice with supply has {@code D_j > 0} exactly when it has
 * under E2SFCA ({@code T_i > 0} for every residence that reaches it), so the check of every run
 * applies unchanged.
 */
final class ThreeStepFca extends BatchedMethod {

  static final ThreeStepFca INSTANCE = new ThreeStepFca();

  private ThreeStepFca() {}

  @Override
  public String name() {
    return "3sfca";
  }

  @Override
  public boolean conservesSupply() {
    return true;
  }

  @Override
  public void demand(Gathers gathers, double[] population, double[] demand) {
    System.arraycopy(population, 0, demand, 0, gathers.places());
  }

  @Override
  public void accesses(
      Gathers gathers, double[][] supplies, double[][] populations, double[][] access) {
    int n = gathers.places();
    int variants = supplies.length;
    double[][] hasSupply = new double[variants][n];
    for (int v = 0; v < variants; v++) {
      for (int k = 0; k < n; k++) {
        hasSupply[v][k] = supplies[v][k] > 0 ? 1.0 : 0.0;
      }
    }
    double[][] total = new double[variants][n];
    gathers.sumOverPractices(hasSupply, total);
    double[][] share = new double[variants][n];
    for (int v = 0; v < variants; v++) {
      for (int i = 0; i < n; i++) {
        share[v][i] = total[v][i] > 0 ? populations[v][i] / total[v][i] : 0.0;
      }
    }
    double[][] demand = new double[variants][n];
    gathers.sumOverResidencesSquared(share, demand);
    double[][] ratio = new double[variants][n];
    for (int v = 0; v < variants; v++) {
      TwoStepKernel.ratio(supplies[v], demand[v], ratio[v], 0, n);
    }
    gathers.sumOverPracticesSquared(ratio, access);
    for (int v = 0; v < variants; v++) {
      for (int i = 0; i < n; i++) {
        access[v][i] = total[v][i] > 0 ? access[v][i] / total[v][i] : 0.0;
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}

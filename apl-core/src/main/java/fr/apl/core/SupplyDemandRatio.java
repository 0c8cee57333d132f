package fr.apl.core;

/**
 * The supply to demand ratio within each residence's catchment, as pysal's {@code access}
 * computes it ({@code Access.fca_ratio}; the provider-to-population ratio of the floating
 * catchment literature, Luo &amp; Wang 2003, Environment and Planning B 30(6), before the two
 * steps): supply and population in reach, both weighted, divided.
 *
 * <pre>
 *   A_i = (Σ_j w_ij S_j) / (Σ_k w_ik P_k)   (0 when the denominator is 0)
 * </pre>
 *
 * <p>Step 1 gives the denominator per residence (population only). Supply is not conserved: a
 * practice counts in the ratio of every residence that reaches it, against a population that
 * is not the one that reaches it.
 */
final class SupplyDemandRatio extends BatchedMethod {

  static final SupplyDemandRatio INSTANCE = new SupplyDemandRatio();

  private SupplyDemandRatio() {}

  @Override
  public String name() {
    return "ratio";
  }

  @Override
  public boolean conservesSupply() {
    return false;
  }

  @Override
  public void demands(Gathers gathers, double[][] populations, double[][] demands) {
    gathers.sumOverPractices(populations, demands);
  }

  @Override
  public void accesses(
      Gathers gathers, double[][] supplies, double[][] demands, double[][] access) {
    gathers.sumOverPractices(supplies, access);
    for (int v = 0; v < supplies.length; v++) {
      for (int i = 0; i < gathers.places(); i++) {
        access[v][i] = demands[v][i] > 0 ? access[v][i] / demands[v][i] : 0.0;
      }
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
